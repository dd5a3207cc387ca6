"""Reads of decisions: who may vote, the count, and what each reader may see of it.

Who may vote: everyone checked in at the decision's meeting (attendance.CheckIn) as a
participant, speaker or organiser (not observers or guests), or the people on its list
(EligibleVoter). The eligible count adds anyone who voted and is no longer
eligible (a check-in undone afterwards), so turnout never passes 100%; at close it is recorded.

Pass rules. Every ballot counts towards the quorum, abstentions included:
- the quorum is reached when at least one ballot is cast and the ballots cast are at least the
  quorum's share of the eligible voters (quorum 50, 47 eligible: 24 ballots);
- "no objection": quorum reached and no ballot objects (abstentions alone pass too, as the rule says);
- "majority": quorum reached and approvals plus consents are more than half of the ballots that
  are not abstentions (objections are the rest);
- "two thirds": quorum reached and approvals plus consents are at least two thirds of the
  ballots that are not abstentions, and there is at least one.

What each reader sees. `results_hidden` hides the count per option and the reasons from
everyone, organisers included, until the decision closes: no one can steer the vote by the
running tally. Organisers still see the turnout (ballots cast out of how many may vote, and
whether the quorum is reached), which says nothing of the choices and tells them when to
close. Participants see nothing of a hidden decision before it closes, then the same counts as
organisers. Objection reasons never carry names, except for organisers of a named decision.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from sala.attendance.models import CheckIn, Invitation, Registration
from sala.people.models import Person

from ..models import VOTING_CATEGORIES, Ballot, Choice, Decision, EligibleVoter, VoteMark

SUPPORT = (Choice.APPROVE, Choice.CONSENT)


@dataclass(frozen=True)
class Verdict:
    quorum_reached: bool
    passed: bool


def verdict(counts: Mapping[str, int], *, eligible: int, quorum: int, rule: str) -> Verdict:
    """Apply a pass rule (see the module's docstring) to the number of ballots per choice."""
    cast = sum(counts.values())
    quorum_reached = cast > 0 and cast * 100 >= quorum * eligible
    support = sum(counts.get(choice, 0) for choice in SUPPORT)
    decided = cast - counts.get(Choice.ABSTAIN, 0)
    if rule == Decision.PassRule.NO_OBJECTION:
        passes = counts.get(Choice.OBJECT, 0) == 0
    elif rule == Decision.PassRule.MAJORITY:
        passes = support * 2 > decided
    else:
        passes = support > 0 and support * 3 >= decided * 2
    return Verdict(quorum_reached, quorum_reached and passes)


@dataclass(frozen=True)
class Tally:
    choice: str
    label: str
    ballots: int
    percent: int  # of the ballots cast


@dataclass(frozen=True)
class Objection:
    reason: str
    name: str = ""  # only for organisers, only on named decisions


@dataclass(frozen=True)
class Results:
    """What a reader may see of a decision's count; `tallies` and `objections` empty while hidden."""

    final: bool  # closed: the recorded outcome
    hidden: bool  # the counts are hidden until close
    cast: int
    eligible: int
    quorum: int
    quorum_reached: bool
    passed: bool | None  # None while hidden
    tallies: tuple[Tally, ...] = ()
    objections: tuple[Objection, ...] = ()

    @property
    def turnout(self) -> int:
        """Ballots cast as a whole percentage of the eligible voters."""
        return round(self.cast * 100 / self.eligible) if self.eligible else 0

    @property
    def quorum_ballots(self) -> int:
        """How many ballots the quorum needs (at least one)."""
        return max(1, -(-self.quorum * self.eligible // 100))


def eligible_people(decision: Decision) -> QuerySet:
    """The ids of the people who may vote now (a values_list query, not evaluated)."""
    if decision.voters == Decision.Voters.LIST:
        rows = EligibleVoter.objects.filter(decision=decision)
    else:
        rows = CheckIn.objects.filter(meeting_id=decision.meeting_id, category__in=VOTING_CATEGORIES)
    return rows.order_by().values_list("person_id", flat=True)


def voters(decision: Decision) -> QuerySet:
    """The ids of the people who voted: the named ballots' voters, or the anonymous VoteMarks."""
    if decision.anonymous:
        return VoteMark.objects.filter(decision=decision).order_by().values_list("person_id", flat=True)
    return Ballot.objects.filter(decision=decision).order_by().values_list("voter_id", flat=True)


def is_eligible(decision: Decision, person: Person) -> bool:
    if decision.voters == Decision.Voters.CHECKED_IN and decision.meeting_id is None:
        return False
    return eligible_people(decision).filter(person_id=person.pk).exists()


def eligible_count(decision: Decision) -> int:
    """Who may vote, plus who voted and no longer may: one query (a UNION of the two lists)."""
    if decision.voters == Decision.Voters.CHECKED_IN and decision.meeting_id is None:
        return voters(decision).count()
    return eligible_people(decision).union(voters(decision)).count()


def ballot_counts(decision: Decision) -> dict[str, int]:
    rows = Ballot.objects.filter(decision=decision).values("choice").annotate(n=Count("pk")).order_by()
    return {row["choice"]: row["n"] for row in rows}


def live_verdict(decision: Decision) -> tuple[dict[str, int], int, Verdict]:
    """The count as it stands (two queries): ballots per choice, eligible voters, the verdict."""
    counts = ballot_counts(decision)
    eligible = eligible_count(decision)
    return (
        counts,
        eligible,
        verdict(counts, eligible=eligible, quorum=decision.quorum, rule=decision.pass_rule),
    )


def results(decision: Decision, *, organiser: bool) -> Results | None:
    """The count as this reader may see it (at most three queries); None when there is nothing to see.

    A draft has no results; a participant sees nothing of a hidden decision before it closes.
    A closed decision shows what was recorded when it closed.
    """
    final = decision.status == Decision.Status.CLOSED
    hidden = decision.results_hidden and not final
    if decision.status == Decision.Status.DRAFT or (hidden and not organiser):
        return None
    if final:
        counts = ballot_counts(decision)
        eligible = decision.eligible_count or 0
        outcome = Verdict(bool(decision.quorum_reached), bool(decision.passed))
    else:
        counts, eligible, outcome = live_verdict(decision)
    cast = sum(counts.values())
    seen = Results(final, hidden, cast, eligible, decision.quorum, outcome.quorum_reached, passed=None)
    if hidden:
        return seen
    return replace(
        seen,
        passed=outcome.passed,
        tallies=tuple(
            Tally(
                choice.value, str(choice.label), counts.get(choice, 0), percent(counts.get(choice, 0), cast)
            )
            for choice in Choice
        ),
        objections=objections(decision, named=organiser and not decision.anonymous),
    )


def percent(part: int, whole: int) -> int:
    return round(part * 100 / whole) if whole else 0


def objections(decision: Decision, *, named: bool) -> tuple[Objection, ...]:
    """The reasons of the objections: in random order without names (the ballots' keys are random)."""
    ballots = Ballot.objects.filter(decision=decision, choice=Choice.OBJECT)
    if not named:
        return tuple(Objection(reason) for reason in ballots.order_by("pk").values_list("reason", flat=True))
    rows = ballots.select_related("voter").order_by("voter__name_en", "voter__name_km")
    return tuple(Objection(b.reason, str(b.voter) if b.voter else _("Anonymous")) for b in rows)


@dataclass(frozen=True)
class VoterState:
    """Where one person stands on one decision; `ballot` only for named decisions."""

    eligible: bool
    voted: bool
    ballot: Ballot | None = None


def voter_state(decision: Decision, person: Person) -> VoterState:
    eligible = is_eligible(decision, person)
    if decision.anonymous:
        voted = VoteMark.objects.filter(decision=decision, person=person).exists()
        return VoterState(eligible, voted)
    ballot = Ballot.objects.filter(decision=decision, voter=person).first()
    return VoterState(eligible, ballot is not None, ballot)


def decisions_for_voters(consultation_id: int) -> list[Decision]:
    """Open and closed decisions of a consultation, newest first, with their strategies."""
    return list(
        Decision.objects.filter(consultation_id=consultation_id)
        .exclude(status=Decision.Status.DRAFT)
        .prefetch_related("strategies")
        .order_by("-pk")
    )


def voted_on(decisions: list[Decision], person: Person) -> set[int]:
    """The decisions among these the person voted on (two queries: named ballots, marks)."""
    ids = [d.pk for d in decisions]
    named = Ballot.objects.filter(decision_id__in=ids, voter=person).values_list("decision_id", flat=True)
    marked = VoteMark.objects.filter(decision_id__in=ids, person=person).values_list("decision_id", flat=True)
    return set(named) | set(marked)


def organiser_decisions(consultation_id: int) -> list[Decision]:
    """A consultation's decisions for its organisers, with how many ballots each has."""
    return list(
        Decision.objects.filter(consultation_id=consultation_id)
        .annotate(
            ballot_count=Count("ballots", distinct=True), strategy_count=Count("strategies", distinct=True)
        )
        .order_by("-pk")
    )


def people_of(consultation_id: int) -> QuerySet:
    """Everyone invited to or registered at a meeting of the consultation: whom a list may name."""
    return Person.objects.filter(
        Q(pk__in=Invitation.objects.filter(meeting__consultation_id=consultation_id).values("person_id"))
        | Q(pk__in=Registration.objects.filter(meeting__consultation_id=consultation_id).values("person_id"))
    ).select_related("organisation")
