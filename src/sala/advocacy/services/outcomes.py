"""Choosing how an expected outcome is judged: its rule, never its status (that is computed)."""

from django.db import transaction

from sala.core import audit
from sala.core.errors import DomainError
from sala.meetings.models import AgendaItem, ExpectedOutcome

from ..models import Decision, OutcomeRule


@transaction.atomic
def set_outcome_rule(
    *,
    outcome: ExpectedOutcome,
    kind: str,
    met_share: int,
    partly_share: int,
    item: AgendaItem | None,
    decision: Decision | None,
    actor,
) -> OutcomeRule | None:
    """Save the rule of an expected outcome; an empty `kind` removes it (no rule: no status).

    The agenda item is kept only for the findings rule (and required there), the decision
    only for the strategies rule; both must belong to the outcome's meeting and consultation.
    """
    meeting = outcome.meeting
    if not kind:
        deleted, _rows = OutcomeRule.objects.filter(outcome=outcome).delete()
        if deleted:
            audit.record(
                action="outcome.rule_removed",
                scope=meeting,
                target=outcome,
                actor=actor,
                data={"title": audit.texts(outcome, "text")},
            )
        return None
    if kind not in OutcomeRule.Kind.values:
        raise DomainError("outcome.bad_rule")
    if not 0 <= partly_share <= met_share <= 100:
        raise DomainError("outcome.bad_shares")
    item = item if kind == OutcomeRule.Kind.FINDINGS_SHARED else None
    decision = decision if kind == OutcomeRule.Kind.STRATEGIES_APPROVED else None
    if kind == OutcomeRule.Kind.FINDINGS_SHARED and item is None:
        raise DomainError("outcome.item_required")
    if item is not None and item.meeting_id != meeting.pk:
        raise DomainError("outcome.item_other_meeting")
    if decision is not None and decision.consultation_id != meeting.consultation_id:
        raise DomainError("outcome.decision_other_consultation")
    rule, _created = OutcomeRule.objects.update_or_create(
        outcome=outcome,
        defaults={
            "kind": kind,
            "met_share": met_share,
            "partly_share": partly_share,
            "item": item,
            "decision": decision,
        },
    )
    audit.record(
        action="outcome.rule_set",
        scope=meeting,
        target=outcome,
        actor=actor,
        data={
            "title": audit.texts(outcome, "text"),
            "kind": kind,
            "met_share": met_share,
            "partly_share": partly_share,
            "item": item.pk if item else None,
            "decision": decision.pk if decision else None,
        },
    )
    return rule
