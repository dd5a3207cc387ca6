"""Whether a meeting's expected outcomes were met, computed from the data, never typed in.

An expected outcome has at most one `OutcomeRule`; its kind picks one of the computations
below and its two shares (percent) are the thresholds where it measures a share. Each status
comes with its evidence: short sentences with the numbers behind it, in the active language,
so that the page and the report show why.

findings_shared, on the rule's agenda item (the session where the findings are presented):
    met          the item was held (it ended before now), it has at least one material
                 (meetings.Material), and the consultation has at least one finding;
    partly met   the item was held but it has no material, or the consultation no finding;
    not met      the item has not ended yet, or no item is chosen.
    A meeting has no "cancelled" state in Sala: an item counts as held once its end has passed.

inputs_integrated, on the consultation's inputs and their dispositions:
    met          at least `met_share` % of the inputs have a disposition, and at least one
                 input found its way into the position (integrated, or merged into an
                 integrated one);
    partly met   at least `partly_share` % have a disposition (or `met_share` % are decided
                 and none was integrated);
    not met      fewer decided, or no input at all.
    The evidence gives both shares: decided of all inputs, integrated of those decided.

strategies_approved, on the rule's decision, else the consultation's latest closed decision:
    met          the decision is closed, passed and reached its quorum, and every strategy of
                 the consultation is approved (by it or another decision passed with quorum);
    partly met   it is closed and passed without quorum, or some strategies of the road map
                 are still not approved by any decision passed with quorum;
    not met      no closed decision, or the decision is open, not opened yet or did not pass.

attendance, checked-in people (attendance.CheckIn) against the concept note's target:
    met          as many as the lower target (`participants_min`; the upper one if only it
                 is set);
    partly met   at least `partly_share` % of that target;
    not met      fewer, or no target set.

Rules that do not measure a share ignore `met_share` (findings, strategies, attendance) or
`partly_share` (findings, strategies). `meeting_outcomes` reads each fact once, whatever
the number of outcomes, so its query count stays fixed.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sala.attendance.models import CheckIn
from sala.core.khmer import digits, format_date, format_time
from sala.meetings.models import AgendaItem, ExpectedOutcome, Material, Meeting

from ..models import Decision, Finding, OutcomeRule, Strategy
from .consolidation import Progress, disposition_progress

MET, PARTLY_MET, NOT_MET, NO_RULE = "met", "partly_met", "not_met", "no_rule"
STATUS_LABELS = {
    MET: gettext_lazy("Met"),
    PARTLY_MET: gettext_lazy("Partly met"),
    NOT_MET: gettext_lazy("Not met"),
    NO_RULE: gettext_lazy("No rule chosen"),
}
Kind = OutcomeRule.Kind


@dataclass(frozen=True)
class OutcomeStatus:
    status: str  # MET, PARTLY_MET, NOT_MET or NO_RULE
    evidence: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass(frozen=True)
class OutcomeResult:
    """One expected outcome of a meeting, its rule (if any) and its status."""

    outcome: ExpectedOutcome
    rule: OutcomeRule | None
    status: OutcomeStatus


def evaluate(outcome: ExpectedOutcome, facts: "Facts | None" = None) -> OutcomeStatus:
    """The status of one expected outcome, with its evidence, by the rule chosen for it."""
    rule = getattr(outcome, "rule", None)
    if rule is None:
        return OutcomeStatus(NO_RULE, [_("No rule is chosen for this outcome yet.")])
    facts = facts or Facts(outcome.meeting)
    return RULES[rule.kind](rule, facts)


def meeting_outcomes(meeting: Meeting, facts: "Facts | None" = None) -> list[OutcomeResult]:
    """Every expected outcome of the meeting, in order, with its status; a fixed number of queries.

    `facts` lets a caller that reads the same facts (the report) share them.
    """
    outcomes = ExpectedOutcome.objects.filter(meeting=meeting).select_related("rule__item", "rule__decision")
    facts = facts or Facts(meeting)
    return [OutcomeResult(o, getattr(o, "rule", None), evaluate(o, facts)) for o in outcomes]


@dataclass(frozen=True)
class DecisionFacts:
    decision: Decision
    ballots: int
    strategy_ids: frozenset[int]

    @property
    def approved(self) -> bool:
        """Closed, passed and with its quorum: what approves a strategy."""
        d = self.decision
        return d.status == Decision.Status.CLOSED and bool(d.passed) and bool(d.quorum_reached)


class Facts:
    """What the rules read about one meeting, each fetched once and only when a rule needs it."""

    def __init__(self, meeting: Meeting):
        self.meeting = meeting

    @cached_property
    def now(self):
        return timezone.now()

    @cached_property
    def materials(self) -> dict[int, int]:
        """Materials per agenda item of the meeting."""
        rows = Material.objects.filter(item__meeting=self.meeting).values_list("item").annotate(n=Count("pk"))
        return dict(rows.order_by())

    @cached_property
    def findings(self) -> int:
        return Finding.objects.filter(consultation_id=self.meeting.consultation_id).count()

    @cached_property
    def progress(self) -> Progress:
        return disposition_progress(self.meeting.consultation)

    @cached_property
    def decisions(self) -> list[DecisionFacts]:
        """The consultation's decisions, latest closed first, then the others by number."""
        found = (
            Decision.objects.filter(consultation_id=self.meeting.consultation_id)
            .annotate(ballot_count=Count("ballots"))
            .prefetch_related(Prefetch("strategies", Strategy.objects.only("pk")))
        )
        facts = [DecisionFacts(d, d.ballot_count, frozenset(s.pk for s in d.strategies.all())) for d in found]
        return sorted(facts, key=lambda f: (f.decision.closed_at is None, -_stamp(f.decision), f.decision.pk))

    @cached_property
    def strategies(self) -> int:
        return Strategy.objects.filter(consultation_id=self.meeting.consultation_id).count()

    @cached_property
    def checked_in(self) -> int:
        return CheckIn.objects.filter(meeting=self.meeting).count()

    def decision(self, chosen: Decision | None) -> DecisionFacts | None:
        """The chosen decision's facts, else the latest closed decision's."""
        for facts in self.decisions:
            if chosen is not None and facts.decision.pk == chosen.pk:
                return facts
            if chosen is None and facts.decision.status == Decision.Status.CLOSED:
                return facts
        return None

    @property
    def approved_strategies(self) -> set[int]:
        return {pk for facts in self.decisions if facts.approved for pk in facts.strategy_ids}


def _stamp(decision: Decision) -> float:
    return decision.closed_at.timestamp() if decision.closed_at else 0.0


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


# The rules


def findings_shared(rule: OutcomeRule, facts: Facts) -> OutcomeStatus:
    item: AgendaItem | None = rule.item
    if item is None:
        return OutcomeStatus(NOT_MET, [_("No agenda item is chosen for this rule.")])
    if item.ends_at > facts.now:
        when = f"{format_date(item.ends_at, weekday=False)}, {format_time(item.ends_at)}"
        return OutcomeStatus(
            NOT_MET,
            [_("“%(item)s” has not been held yet: it ends %(when)s.") % {"item": item.title, "when": when}],
        )
    materials = facts.materials.get(item.pk, 0)
    evidence = [
        _("“%(item)s” was held; it ended at %(time)s.")
        % {"item": item.title, "time": format_time(item.ends_at)},
        _("Materials published for it: %(count)s.") % {"count": digits(materials)},
        _("Findings written on the draft: %(count)s.") % {"count": digits(facts.findings)},
    ]
    return OutcomeStatus(MET if materials and facts.findings else PARTLY_MET, evidence)


def inputs_integrated(rule: OutcomeRule, facts: Facts) -> OutcomeStatus:
    progress = facts.progress
    if not progress.inputs:
        return OutcomeStatus(NOT_MET, [_("No input has been given yet.")])
    decided = progress.percent_decided
    taken = progress.integrated + progress.merged_into_integrated
    evidence = [
        _("Inputs decided: %(decided)s of %(inputs)s (%(percent)s%%; met from %(met)s%%).")
        % {
            "decided": digits(progress.decided),
            "inputs": digits(progress.inputs),
            "percent": digits(decided),
            "met": digits(rule.met_share),
        },
        _("Integrated into the joint position: %(taken)s of the %(decided)s decided (%(percent)s%%).")
        % {
            "taken": digits(taken),
            "decided": digits(progress.decided),
            "percent": digits(progress.percent_integrated),
        },
    ]
    if decided >= rule.met_share and taken:
        return OutcomeStatus(MET, evidence)
    if decided >= rule.partly_share or decided >= rule.met_share:
        return OutcomeStatus(PARTLY_MET, evidence)
    return OutcomeStatus(NOT_MET, evidence)


def strategies_approved(rule: OutcomeRule, facts: Facts) -> OutcomeStatus:
    found = facts.decision(rule.decision)
    if found is None:
        return OutcomeStatus(NOT_MET, [_("No decision on the strategies has been closed yet.")])
    decision = found.decision
    approved = len(facts.approved_strategies)
    strategies_line = _("Strategies approved: %(approved)s of %(total)s.") % {
        "approved": digits(approved),
        "total": digits(facts.strategies),
    }
    if decision.status != Decision.Status.CLOSED:
        state = _("“%(title)s” is not closed yet.") % {"title": decision.title}
        return OutcomeStatus(NOT_MET, [state, strategies_line])
    if not decision.passed:
        return OutcomeStatus(
            NOT_MET, [_("“%(title)s” did not pass.") % {"title": decision.title}, strategies_line]
        )
    evidence = [_("“%(title)s” passed.") % {"title": decision.title}, quorum_line(found), strategies_line]
    if decision.quorum_reached and approved >= facts.strategies:
        return OutcomeStatus(MET, evidence)
    return OutcomeStatus(PARTLY_MET, evidence)


def quorum_line(found: DecisionFacts) -> str:
    decision = found.decision
    numbers = {
        "ballots": digits(found.ballots),
        "eligible": digits(decision.eligible_count or 0),
        "quorum": digits(decision.quorum),
    }
    if decision.quorum_reached:
        return (
            _("Quorum reached: %(ballots)s ballots from %(eligible)s eligible (%(quorum)s%% needed).")
            % numbers
        )
    return (
        _("Quorum not reached: %(ballots)s ballots from %(eligible)s eligible (%(quorum)s%% needed).")
        % numbers
    )


def attendance(rule: OutcomeRule, facts: Facts) -> OutcomeStatus:
    meeting = facts.meeting
    target = meeting.participants_min or meeting.participants_max
    here = facts.checked_in
    if not target:
        return OutcomeStatus(
            NOT_MET,
            [
                _("Checked in: %(count)s.") % {"count": digits(here)},
                _("The concept note sets no participant target."),
            ],
        )
    share = percent(here, target)
    evidence = [
        _("Checked in: %(count)s, %(percent)s%% of the target of %(target)s (partly met from %(partly)s%%).")
        % {
            "count": digits(here),
            "percent": digits(share),
            "target": digits(target),
            "partly": digits(rule.partly_share),
        }
    ]
    if here >= target:
        return OutcomeStatus(MET, evidence)
    return OutcomeStatus(PARTLY_MET if share >= rule.partly_share else NOT_MET, evidence)


RULES = {
    Kind.FINDINGS_SHARED: findings_shared,
    Kind.INPUTS_INTEGRATED: inputs_integrated,
    Kind.STRATEGIES_APPROVED: strategies_approved,
    Kind.ATTENDANCE: attendance,
}
