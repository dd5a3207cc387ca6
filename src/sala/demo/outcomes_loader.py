"""The 2014 meeting's three expected outcomes, each judged by a rule from the data."""

from sala.advocacy.models import Decision, OutcomeRule
from sala.advocacy.services.outcomes import set_outcome_rule
from sala.meetings.models import Meeting

# In the concept note's order: findings shared (on Session 1, where the findings are
# presented), inputs integrated in the joint advocacy, strategies approved by participants.
KINDS = [
    OutcomeRule.Kind.FINDINGS_SHARED,
    OutcomeRule.Kind.INPUTS_INTEGRATED,
    OutcomeRule.Kind.STRATEGIES_APPROVED,
]


def load_outcomes(meeting: Meeting, organiser) -> None:
    """Choose the rules once; an organiser's later choice stays."""
    outcomes = list(meeting.outcomes.order_by("position", "pk"))
    if OutcomeRule.objects.filter(outcome__in=outcomes).exists():
        return
    session = meeting.agenda_items.filter(kind="session").order_by("starts_at").first()
    decision = (
        Decision.objects.filter(consultation=meeting.consultation, status=Decision.Status.CLOSED)
        .order_by("-closed_at")
        .first()
    )
    for outcome, kind in zip(outcomes, KINDS, strict=False):
        set_outcome_rule(
            outcome=outcome,
            kind=kind,
            met_share=80,
            partly_share=50,
            item=session if kind == OutcomeRule.Kind.FINDINGS_SHARED else None,
            decision=decision if kind == OutcomeRule.Kind.STRATEGIES_APPROVED else None,
            actor=organiser,
        )
