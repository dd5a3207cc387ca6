"""Who may do what with consultations and meetings (django-rules).

Organisers are per consultation: organising one consultation gives no right on another.
"""

import rules


def consultation_of(obj):
    return getattr(obj, "consultation", obj)


@rules.predicate
def is_organiser(user, obj) -> bool:
    if obj is None or not user.is_authenticated:
        return False
    return user.organised_consultations.filter(pk=consultation_of(obj).pk).exists()


@rules.predicate
def is_public_meeting(user, meeting) -> bool:
    return meeting is not None and meeting.is_public


can_manage = is_organiser | rules.is_superuser

rules.add_perm("meetings.view_meeting", is_public_meeting | can_manage)
rules.add_perm("meetings.change_meeting", can_manage)
rules.add_perm("meetings.add_meeting", can_manage)
rules.add_perm("meetings.view_audit_log", can_manage)
rules.add_perm("meetings.view_facilitator_links", can_manage)
