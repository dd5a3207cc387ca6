"""Decisions: the participants vote on strategies of the road map, and the outcome is recorded.

A decision is prepared as a draft (title, strategies, who votes, the rules), opened, then
closed with the count recorded (eligible voters, quorum, passed) and an outcome statement;
nothing of it changes after. Who may vote and the pass rules: see queries/decisions.py.

Ballots:
- Every ballot of a decision takes a lock on the decision's row, as closing does, so no ballot
  lands after the count; ballots of one decision are written one after another, a few
  milliseconds each.
- Named: one per person (a unique constraint); voting again changes the ballot until the
  decision closes (update_or_create: two requests of one person that race meet the constraint,
  and Django reads the first one's ballot back and updates it).
- Anonymous: one transaction inserts the person's VoteMark ("has voted", unique per person)
  and then a Ballot with no voter, a random key and no time. A second ballot meets the mark's
  unique constraint and the whole transaction rolls back. An anonymous ballot cannot be
  changed: nothing can tell which ballot is the person's.
- Only an objection keeps its reason (required); other choices store none.
- No ballot is written to the audit log, named or anonymous. For an anonymous decision, an
  entry's time and order would be the very link the VoteMark design avoids; for a named one,
  the ballot row is the record, and an entry per voter would add nothing organisers use.
  Preparing, opening and closing (with the count) are logged.

Rows are stored in the order they are inserted (SQLite's rowid, PostgreSQL's ctid and xmin),
so while an anonymous vote is open, someone reading the database's files could pair the n-th
ballot with the n-th mark. Closing rewrites the decision's ballots in the random order of new
keys and its marks in the order of the people's ids, in one transaction, which removes that
order from the live rows (PostgreSQL keeps the old row versions until VACUUM).
"""

import uuid
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.meetings.models import Consultation, Meeting
from sala.people.models import Person

from ..models import Ballot, Choice, Decision, EligibleVoter, Strategy, VoteMark
from ..queries.decisions import is_eligible, live_verdict

RULE_FIELDS = ("title_en", "title_km", "voters", "anonymous", "results_hidden", "quorum", "pass_rule")
MAX_REASON = 2000


def clean_rules(consultation: Consultation, fields: dict, meeting: Meeting | None, strategies) -> dict:
    """The decision's fields, checked; raises DomainError on the first problem."""
    values = {name: fields[name] for name in RULE_FIELDS if name in fields}
    values["title_en"] = values.get("title_en", "").strip()
    values["title_km"] = values.get("title_km", "").strip()
    if not (values["title_en"] or values["title_km"]):
        raise DomainError("decision.no_title")
    try:
        values["voters"] = Decision.Voters(values.get("voters", Decision.Voters.CHECKED_IN))
        values["pass_rule"] = Decision.PassRule(values.get("pass_rule", Decision.PassRule.NO_OBJECTION))
    except ValueError:
        raise DomainError("decision.bad_choice") from None
    if not 0 <= values.get("quorum", 50) <= 100:
        raise DomainError("decision.bad_quorum")
    if meeting is not None and meeting.consultation_id != consultation.pk:
        raise DomainError("decision.meeting_not_in_consultation")
    if meeting is None and values["voters"] == Decision.Voters.CHECKED_IN:
        raise DomainError("decision.no_meeting")
    if any(s.consultation_id != consultation.pk for s in strategies):
        raise DomainError("decision.strategy_not_in_consultation")
    return values


def set_voters(decision: Decision, people: Iterable[Person]) -> None:
    """The list of who may vote; emptied when the checked-in participants vote."""
    EligibleVoter.objects.filter(decision=decision).delete()
    if decision.voters == Decision.Voters.LIST:
        EligibleVoter.objects.bulk_create(
            [EligibleVoter(decision=decision, person=p) for p in dict.fromkeys(people)]
        )


def record(action: str, decision: Decision, actor, **data) -> None:
    audit.record(
        action=action,
        scope=decision.consultation,
        target=decision,
        actor=actor,
        data={"title": audit.texts(decision, "title"), **data},
    )


@transaction.atomic
def create_decision(
    *,
    consultation: Consultation,
    actor,
    meeting: Meeting | None = None,
    strategies: Iterable[Strategy] = (),
    people: Iterable[Person] = (),
    **fields,
) -> Decision:
    """Prepare a decision (a draft: no one votes until it opens)."""
    strategies = list(strategies)
    values = clean_rules(consultation, fields, meeting, strategies)
    decision = Decision.objects.create(consultation=consultation, meeting=meeting, **values)
    decision.strategies.set(strategies)
    set_voters(decision, people)
    record("decision.created", decision, actor)
    return decision


def lock(decision: Decision) -> Decision:
    return Decision.objects.select_for_update().select_related("consultation").get(pk=decision.pk)


@transaction.atomic
def update_decision(
    *,
    decision: Decision,
    actor,
    meeting: Meeting | None,
    strategies: Iterable[Strategy],
    people: Iterable[Person] = (),
    **fields,
) -> Decision:
    """Change a draft decision; once open, its rules are fixed."""
    locked = lock(decision)
    if locked.status != Decision.Status.DRAFT:
        raise DomainError("decision.not_draft")
    strategies = list(strategies)
    values = clean_rules(locked.consultation, fields, meeting, strategies)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.meeting = meeting
    locked.save()
    locked.strategies.set(strategies)
    set_voters(locked, people)
    record("decision.changed", locked, actor)
    return locked


@transaction.atomic
def delete_decision(*, decision: Decision, actor) -> None:
    """Remove a draft decision; an opened one stays, as the record of a vote."""
    locked = lock(decision)
    if locked.status != Decision.Status.DRAFT:
        raise DomainError("decision.not_draft")
    record("decision.deleted", locked, actor)
    locked.delete()


@transaction.atomic
def open_decision(*, decision: Decision, actor) -> Decision:
    """Start the vote: the decision needs a strategy, and someone who may vote."""
    locked = lock(decision)
    if locked.status != Decision.Status.DRAFT:
        raise DomainError("decision.not_draft")
    if not locked.strategies.exists():
        raise DomainError("decision.no_strategy")
    if locked.voters == Decision.Voters.CHECKED_IN and locked.meeting_id is None:
        raise DomainError("decision.no_meeting")  # the meeting was deleted meanwhile
    if locked.voters == Decision.Voters.LIST and not locked.eligible_voters.exists():
        raise DomainError("decision.no_voters")
    locked.status, locked.opened_at = Decision.Status.OPEN, timezone.now()
    locked.save(update_fields=["status", "opened_at"])
    record("decision.opened", locked, actor)
    return locked


def refuse_unless_open(decision: Decision) -> None:
    if decision.status == Decision.Status.CLOSED:
        raise DomainError("decision.closed")
    if decision.status != Decision.Status.OPEN:
        raise DomainError("decision.not_open")


@transaction.atomic
def close_decision(*, decision: Decision, statement_en: str = "", statement_km: str = "", actor) -> Decision:
    """End the vote and record its outcome: eligible voters, quorum, passed, and the statement.

    The statement may be left empty; the result page shows the counts and reasons anyway.
    """
    locked = lock(decision)
    refuse_unless_open(locked)
    counts, eligible, outcome = live_verdict(locked)
    locked.status, locked.closed_at = Decision.Status.CLOSED, timezone.now()
    locked.eligible_count = eligible
    locked.quorum_reached, locked.passed = outcome.quorum_reached, outcome.passed
    locked.statement_en, locked.statement_km = statement_en.strip(), statement_km.strip()
    locked.save()
    if locked.anonymous:
        forget_order(locked)
    record(
        "decision.closed",
        locked,
        actor,
        ballots=sum(counts.values()),
        eligible=eligible,
        quorum_reached=outcome.quorum_reached,
        passed=outcome.passed,
    )
    return locked


def forget_order(decision: Decision) -> None:
    """Rewrite an anonymous decision's ballots and marks so their storage order says nothing."""
    ballots = [
        (uuid.uuid4(), choice, reason) for choice, reason in decision.ballots.values_list("choice", "reason")
    ]
    people = sorted(decision.vote_marks.values_list("person_id", flat=True))
    decision.ballots.all().delete()
    decision.vote_marks.all().delete()
    Ballot.objects.bulk_create(
        [Ballot(id=key, decision=decision, choice=c, reason=r) for key, c, r in sorted(ballots)]
    )
    VoteMark.objects.bulk_create([VoteMark(decision=decision, person_id=pk) for pk in people])


def cast_ballot(*, decision: Decision, person: Person, choice: str, reason: str = "") -> Ballot | None:
    """Vote on an open decision; returns the named ballot, or None for an anonymous one.

    Refused if the decision is not open, the person may not vote, an objection has no reason,
    or the person already voted on an anonymous decision.
    """
    try:
        choice = Choice(choice)
    except ValueError:
        raise DomainError("decision.bad_choice") from None
    reason = reason.strip() if choice == Choice.OBJECT else ""
    if choice == Choice.OBJECT and not reason:
        raise DomainError("decision.reason_required")
    if len(reason) > MAX_REASON:
        raise DomainError("decision.reason_too_long", max=MAX_REASON)
    with transaction.atomic():
        locked = Decision.objects.select_for_update(no_key=True).get(pk=decision.pk)
        refuse_unless_open(locked)
        if not is_eligible(locked, person):
            raise DomainError("decision.not_eligible")
        if not locked.anonymous:
            ballot, _created = Ballot.objects.update_or_create(
                decision=locked, voter=person, defaults={"choice": choice, "reason": reason}
            )
            return ballot
        try:
            with transaction.atomic():  # the mark and the ballot: both, or neither
                VoteMark.objects.create(decision=locked, person=person)
                Ballot.objects.create(decision=locked, choice=choice, reason=reason)
        except IntegrityError:
            raise DomainError("decision.already_voted") from None
    return None
