"""Breakout groups: organisers make them and fill them; each group's rapporteur writes its report.

Every change of groups or members locks the meeting row first, so an automatic assignment, a
move by hand and an edit of a group happen one after the other; the (meeting, person)
constraint keeps one group per person whatever happens. Only people checked in at the
meeting join a group. Organisers' changes are written to the audit log with the meeting as
scope; report saves are audited sparingly (see `save_report`).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sala.attendance.models import CheckIn
from sala.core import audit
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting
from sala.meetings.services.agenda import lock_meeting
from sala.people.models import Person

from ..dealing import Seat, deal
from ..models import BreakoutGroup, GroupMember, GroupReport
from ..queries.groups import kind_of
from .inputs import clean_text

MAX_TOPIC = 300  # the model's length
MAX_REPORT = 10_000  # characters in each part of a report
REPORT_PARTS = ("key_points", "recommendations", "questions")
REPORT_AUDIT_EVERY = timedelta(minutes=5)


def checked_topic(topic_en: str, topic_km: str) -> tuple[str, str]:
    topic_en, topic_km = clean_text(topic_en), clean_text(topic_km)
    if not (topic_en or topic_km):
        raise DomainError("group.no_topic")
    if max(len(topic_en), len(topic_km)) > MAX_TOPIC:
        raise DomainError("group.topic_too_long", max=MAX_TOPIC)
    return topic_en, topic_km


def seat(person: Person) -> Seat:
    # Sorted by both names and the key, never by the page's language: the same room deals the same way.
    return Seat(kind_of(person), person.gender, f"{person.name_en}\0{person.name_km}\0{person.pk:012d}")


@transaction.atomic
def create_group(*, meeting: Meeting, topic_en: str, topic_km: str, actor) -> BreakoutGroup:
    topic_en, topic_km = checked_topic(topic_en, topic_km)
    meeting = lock_meeting(meeting)
    last = BreakoutGroup.objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"]
    group = BreakoutGroup.objects.create(
        meeting=meeting, position=0 if last is None else last + 1, topic_en=topic_en, topic_km=topic_km
    )
    audit.record(
        action="group.created",
        scope=meeting,
        target=group,
        actor=actor,
        data={"title": audit.texts(group, "topic")},
    )
    return group


@transaction.atomic
def update_group(
    *, group: BreakoutGroup, topic_en: str, topic_km: str, rapporteur: Person | None, actor
) -> BreakoutGroup:
    """New topic and rapporteur; a rapporteur from outside the group joins it (leaving their old one)."""
    topic_en, topic_km = checked_topic(topic_en, topic_km)
    meeting = lock_meeting(group.meeting)
    group = BreakoutGroup.objects.get(pk=group.pk)
    if rapporteur is not None:
        place(meeting, rapporteur, group)
    group.topic_en, group.topic_km, group.rapporteur = topic_en, topic_km, rapporteur
    group.save(update_fields=["topic_en", "topic_km", "rapporteur"])
    data = {"title": audit.texts(group, "topic"), "name": str(rapporteur) if rapporteur else ""}
    audit.record(action="group.changed", scope=meeting, target=group, actor=actor, data=data)
    return group


@transaction.atomic
def delete_group(*, group: BreakoutGroup, actor) -> None:
    """The group and its report go; its members are left without a group, to be placed again."""
    meeting = lock_meeting(group.meeting)
    members = GroupMember.objects.filter(group=group).count()
    audit.record(
        action="group.deleted",
        scope=meeting,
        target=group,
        actor=actor,
        data={"title": audit.texts(group, "topic"), "people": members},
    )
    group.delete()


@transaction.atomic
def move_member(*, meeting: Meeting, person: Person, group: BreakoutGroup | None, actor) -> None:
    """Put a checked-in person in `group`, or in no group (None). A rapporteur who leaves is no longer one."""
    meeting = lock_meeting(meeting)
    if group is not None and group.meeting_id != meeting.pk:
        raise DomainError("group.other_meeting")
    if group is None:
        membership = GroupMember.objects.filter(meeting=meeting, person=person).first()
        if membership is None:
            return
        leave(membership)
        membership.delete()
    elif not place(meeting, person, group):
        return
    audit.record(
        action="group.member_moved",
        scope=meeting,
        target=person,  # erasing the person empties the entry's data, the name with it
        actor=actor,
        data={"name": str(person), "group": audit.texts(group, "topic") if group else ""},
    )


def place(meeting: Meeting, person: Person, group: BreakoutGroup) -> bool:
    """Make `person` a member of `group` (the caller holds the meeting lock); False if they already were."""
    membership = GroupMember.objects.filter(meeting=meeting, person=person).first()
    if membership is not None and membership.group_id == group.pk:
        return False
    if membership is None:
        if not CheckIn.objects.filter(meeting=meeting, person=person).exists():
            raise DomainError("group.not_checked_in", name=person)
        GroupMember.objects.create(meeting=meeting, person=person, group=group)
        return True
    leave(membership)
    membership.group = group
    membership.save(update_fields=["group"])
    return True


def leave(membership: GroupMember) -> None:
    BreakoutGroup.objects.filter(pk=membership.group_id, rapporteur_id=membership.person_id).update(
        rapporteur=None
    )


@transaction.atomic
def assign_groups(*, meeting: Meeting, actor, groups: list[BreakoutGroup] | None = None) -> list[GroupMember]:
    """Deal every checked-in person who is in no group yet into `groups` (default: all of them).

    Sizes, kinds of organisation and genders are balanced as `dealing.deal` explains, counting
    the members already there, who stay. A group left without a rapporteur gets one proposed:
    its first member by name, which the organisers may change.
    """
    meeting = lock_meeting(meeting)
    chosen = {g.pk for g in groups} if groups is not None else None
    targets = [g for g in BreakoutGroup.objects.filter(meeting=meeting) if chosen is None or g.pk in chosen]
    if not targets:
        raise DomainError("group.none")
    members: dict[int, list[Person]] = {g.pk: [] for g in targets}
    for membership in GroupMember.objects.filter(group__in=targets).select_related("person__organisation"):
        members[membership.group_id].append(membership.person)
    newcomers = list(
        Person.objects.filter(check_ins__meeting=meeting)
        .exclude(group_memberships__meeting=meeting)
        .select_related("organisation")
        .order_by("pk")
    )
    dealt = deal([seat(p) for p in newcomers], [[seat(p) for p in members[g.pk]] for g in targets])
    created = GroupMember.objects.bulk_create(
        GroupMember(meeting=meeting, group=targets[g], person=person)
        for person, g in zip(newcomers, dealt, strict=True)
    )
    for person, g in zip(newcomers, dealt, strict=True):
        members[targets[g].pk].append(person)
    propose_rapporteurs(targets, members)
    audit.record(action="group.assigned", scope=meeting, actor=actor, data={"count": len(created)})
    return created


def propose_rapporteurs(groups: list[BreakoutGroup], members: dict[int, list[Person]]) -> None:
    for group in groups:
        if group.rapporteur_id is None and members[group.pk]:
            group.rapporteur = min(members[group.pk], key=lambda p: seat(p).name)
            group.save(update_fields=["rapporteur"])


@transaction.atomic
def save_report(
    *, group: BreakoutGroup, key_points: str, recommendations: str, questions: str, base_revision: int
) -> GroupReport:
    """Save the rapporteur's text: the autosave calls this every second or so while they type.

    `base_revision` is the revision the writer's text started from. A save from an older
    revision whose text differs from what is stored (another phone, a queued request after
    someone else saved) is refused with "group_report.stale", never applied over the newer
    text; the same text again (a retried request) is accepted and changes nothing.

    The audit log gets the first save and then at most one entry per REPORT_AUDIT_EVERY: a
    report is saved hundreds of times while it is typed, and one entry per keystroke pause
    would bury the organisers' actions in the meeting's log (and renew the ETag of the live
    attendance counts, which follow the newest entry). The revision counts every save.
    Whoever may write is checked by the caller (the `participation.write_group_report` rule).
    """
    texts = dict(zip(REPORT_PARTS, map(clean_text, (key_points, recommendations, questions)), strict=True))
    if max(len(t) for t in texts.values()) > MAX_REPORT:
        raise DomainError("group_report.too_long", max=MAX_REPORT)
    group = BreakoutGroup.objects.select_for_update().get(pk=group.pk)  # one save of a report at a time
    report, _created = GroupReport.objects.get_or_create(group=group)
    if all(getattr(report, name) == text for name, text in texts.items()):
        return report
    if base_revision != report.revision:
        raise DomainError("group_report.stale")
    for name, text in texts.items():
        setattr(report, name, text)
    report.revision += 1
    report.save()
    record_report_saved(group, report)
    return report


def record_report_saved(group: BreakoutGroup, report: GroupReport) -> None:
    since = timezone.now() - REPORT_AUDIT_EVERY
    recent = AuditEntry.objects.filter(action="group_report.saved", target=audit.key(report), at__gte=since)
    if not recent.exists():
        audit.record(
            action="group_report.saved",
            scope=group.meeting,
            target=report,
            data={"title": audit.texts(group, "topic"), "revision": report.revision},
        )
