"""Writing the audit log: every service that changes something calls `record`."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry
from .models.bilingual import LANGUAGE_ORDER, active_language

# What each action is called in the audit log, in the reader's language.
ACTION_LABELS = {
    "meeting.created": _("Meeting created"),
    "meeting.changed": _("Meeting changed"),
    "meeting.objectives_changed": _("Objectives changed"),
    "meeting.outcomes_changed": _("Expected outcomes changed"),
    "agenda.item_created": _("Agenda item added"),
    "agenda.item_changed": _("Agenda item changed"),
    "agenda.item_deleted": _("Agenda item deleted"),
    "agenda.item_moved": _("Agenda item moved"),
    "facilitator.added": _("Facilitator added"),
    "facilitator.changed": _("Facilitator changed by an organiser"),
    "facilitator.answered": _("Facilitator answered through their link"),
    "facilitator.removed": _("Facilitator removed"),
    "people.imported": _("Participant list imported"),
    "person.erased": _("Personal data removed on request"),
    "invitation.created": _("People invited"),
    "invitation.sent": _("Invitations sent"),
    "invitation.accepted": _("Invitation accepted"),
    "invitation.declined": _("Invitation declined"),
    "invitation.withdrawn": _("Invitation withdrawn"),
    "registration.confirmed": _("Registered"),
    "registration.waitlisted": _("Put on the waiting list"),
    "registration.cancelled": _("Registration cancelled"),
    "registration.promoted": _("Given a place from the waiting list"),
    "meeting.places_changed": _("Capacity or registration changed"),
    "attendance.checked_in": _("Checked in"),
    "attendance.check_in_undone": _("Check-in undone"),
    "agenda.notice_sent": _("Agenda change notice sent"),
    "export.people": _("Personal data exported"),
    # laws: tracker
    "law.created": _("Law added to the tracker"),
    "law.changed": _("Law changed"),
    "law.stage_added": _("Law stage added"),
    "law.stage_changed": _("Law stage changed"),
    "law.stage_deleted": _("Law stage deleted"),
    "law.analysis_added": _("Analysis attached"),
    "law.analysis_deleted": _("Analysis removed"),
    # laws: drafts
    "draft.imported": _("Draft version imported"),
    "draft.article_changed": _("Draft article changed"),
    "draft.article_added": _("Draft article added"),
    "draft.article_deleted": _("Draft article deleted"),
    "draft.chapter_changed": _("Draft chapter changed"),
    "draft.published": _("Draft version published"),
    "draft.discarded": _("Draft version discarded"),
    "draft.deleted": _("Discarded draft version deleted"),
    # participation: inputs
    "input.given": _("Input given"),
    "input.withdrawn": _("Input withdrawn"),
    "input.placed": _("Input placed on an article by hand"),
    "input.window_changed": _("Input window changed"),
    "input.draft_switched": _("Inputs moved to another draft version"),
    "export.inputs": _("Inputs exported"),
    # participation: live Q&A
    "question.approved": _("Question approved"),
    "question.hidden": _("Question hidden"),
    "question.answered": _("Question marked answered"),
    "question.reopened": _("Question reopened"),
    "question.merged": _("Question merged into another"),
    "questions.settings_changed": _("Q&A settings changed"),
    # participation: breakout groups
    "group.created": _("Breakout group created"),
    "group.changed": _("Breakout group changed"),
    "group.deleted": _("Breakout group deleted"),
    "group.assigned": _("Checked-in people assigned to breakout groups"),
    "group.member_moved": _("Person moved to another breakout group by hand"),
    "group_report.saved": _("Group report saved by its rapporteur"),
    # advocacy: consolidation
    "consolidation.grouped": _("Near-duplicate inputs grouped"),
    "finding.saved": _("Position on an article saved"),
    "finding.removed": _("Position on an article removed"),
    "disposition.decided": _("What became of inputs decided"),
    "position.published": _("Joint position published"),
    "position.unpublished": _("Joint position unpublished"),
    "export.position": _("Joint submission exported"),
    # advocacy: expected outcomes; reports
    "outcome.rule_set": _("Rule of an expected outcome chosen"),
    "outcome.rule_removed": _("Rule of an expected outcome removed"),
    "report.summary_saved": _("Meeting report summary saved"),
    # advocacy: road map and decisions
    "strategy.created": _("Strategy added to the road map"),
    "strategy.drafted_from_group": _("Strategies drafted from a group’s recommendations"),
    "strategy.changed": _("Strategy changed"),
    "strategy.deleted": _("Strategy removed from the road map"),
    "strategy.moved": _("Strategy moved in the road map"),
    "decision.created": _("Decision prepared"),
    "decision.changed": _("Decision changed"),
    "decision.deleted": _("Decision removed"),
    "decision.opened": _("Voting opened"),
    "decision.closed": _("Voting closed and outcome recorded"),
    # materials
    "material.added": _("Material added to an agenda item"),
    "material.removed": _("Material removed from an agenda item"),
    # endorsements and actions
    "endorsement.given": _("Joint position endorsed"),
    "endorsement.changed": _("Endorsement changed"),
    "endorsement.withdrawn": _("Endorsement withdrawn"),
    "action.created": _("Follow-up action added"),
    "action.changed": _("Follow-up action changed"),
    "action.status_changed": _("Follow-up action status changed"),
    "action.deleted": _("Follow-up action deleted"),
    "action.reminded": _("Reminder of a follow-up action sent"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def texts(obj: models.Model, name: str) -> dict[str, str]:
    """Both languages of a text, so the log reads right whichever language shows it later."""
    return {lang: getattr(obj, f"{name}_{lang}", "") for lang in ("en", "km")}


def localized(value) -> str:
    """A text recorded by `texts`, in the reader's language (plain strings pass through)."""
    if not isinstance(value, dict):
        return str(value or "")
    return next((value[lang] for lang in LANGUAGE_ORDER[active_language()] if value.get(lang)), "")


def key(obj: models.Model) -> str:
    """A stable reference to a row: "meetings.meeting:12"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def record(
    *,
    action: str,
    scope: models.Model | None,
    target: models.Model | None = None,
    actor=None,
    actor_label: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        action=action,
        scope=key(scope) if scope is not None else "",
        target=key(target) if target is not None else "",
        actor=actor,
        actor_label=actor_label or (actor.get_username() if actor else ""),
        data=data or {},
    )


def entries_for(*scopes: models.Model):
    """The entries of any of these scopes (a meeting and its consultation), newest first."""
    return AuditEntry.objects.filter(scope__in=[key(s) for s in scopes]).select_related("actor")
