"""Decisions: preparing, opening, voting, closing, the pass rules and who sees the count."""

import threading

import pytest
from django.db import connection, connections

from sala.advocacy.models import Ballot, Decision, VoteMark
from sala.advocacy.queries.decisions import eligible_count, results, verdict
from sala.advocacy.services import decisions as services
from sala.attendance.models import CheckIn
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from tests.factories import ConsultationFactory, MeetingFactory, PersonFactory

from .decision_support import add_strategy, arrive, open_decision, prepared_decision, vote

pytestmark = pytest.mark.django_db


def refused(code: str, **ballot) -> None:
    with pytest.raises(DomainError) as error:
        services.cast_ballot(**ballot)
    assert error.value.code == code


@pytest.fixture
def meeting(consultation):
    return consultation.meetings.first()


# --- Preparing and opening ----------------------------------------------------------------


def test_a_decision_is_prepared_as_a_draft_and_changes_only_as_one(consultation, meeting, organiser):
    decision = prepared_decision(consultation, quorum=60, pass_rule="two_thirds")
    assert (decision.status, decision.quorum, decision.pass_rule) == ("draft", 60, "two_thirds")
    strategy = add_strategy(consultation, "Media briefing")
    changed = services.update_decision(
        decision=decision,
        actor=organiser,
        meeting=meeting,
        strategies=[strategy],
        title_en="Approve the media briefing",
        voters="checked_in",
        anonymous=True,
        results_hidden=False,
        quorum=40,
        pass_rule="majority",
    )
    assert list(changed.strategies.all()) == [strategy] and changed.anonymous and changed.quorum == 40
    services.open_decision(decision=decision, actor=organiser)
    with pytest.raises(DomainError) as error:
        services.update_decision(
            decision=decision, actor=organiser, meeting=meeting, strategies=[], title_en="x"
        )
    assert error.value.code == "decision.not_draft"
    with pytest.raises(DomainError):
        services.delete_decision(decision=decision, actor=organiser)
    actions = list(AuditEntry.objects.filter(target=f"advocacy.decision:{decision.pk}").values_list("action"))
    assert sorted(a for (a,) in actions) == ["decision.changed", "decision.created", "decision.opened"]


@pytest.mark.parametrize(
    ("rules", "code"),
    [
        ({"title_en": " ", "title_km": ""}, "decision.no_title"),
        ({"quorum": 101}, "decision.bad_quorum"),
        ({"pass_rule": "unanimity"}, "decision.bad_choice"),
        ({"voters": "checked_in", "meeting": None}, "decision.no_meeting"),
    ],
)
def test_rules_are_checked(consultation, meeting, rules, code):
    fields = {"title_en": "Vote", "meeting": meeting, "strategies": [add_strategy(consultation)]} | rules
    with pytest.raises(DomainError) as error:
        services.create_decision(consultation=consultation, actor=None, **fields)
    assert error.value.code == code
    assert not Decision.objects.exists()


def test_meetings_and_strategies_come_from_the_consultation(consultation, meeting):
    other = ConsultationFactory()
    with pytest.raises(DomainError) as error:
        prepared_decision(consultation, meeting=MeetingFactory(consultation=other))
    assert error.value.code == "decision.meeting_not_in_consultation"
    with pytest.raises(DomainError) as error:
        prepared_decision(consultation, strategies=[add_strategy(other)])
    assert error.value.code == "decision.strategy_not_in_consultation"


def test_opening_needs_a_strategy_and_someone_to_vote(consultation, meeting):
    empty = services.create_decision(consultation=consultation, actor=None, meeting=meeting, title_en="Empty")
    with pytest.raises(DomainError) as error:
        services.open_decision(decision=empty, actor=None)
    assert error.value.code == "decision.no_strategy"
    listed = prepared_decision(consultation, voters="list", people=[])
    with pytest.raises(DomainError) as error:
        services.open_decision(decision=listed, actor=None)
    assert error.value.code == "decision.no_voters"


# --- Ballots ------------------------------------------------------------------------------


def test_a_draft_or_closed_decision_takes_no_ballot(consultation, meeting):
    (person,) = arrive(meeting, 1)
    draft = prepared_decision(consultation)
    refused("decision.not_open", decision=draft, person=person, choice="approve")
    decision = services.open_decision(decision=draft, actor=None)
    services.close_decision(decision=decision, actor=None)
    refused("decision.closed", decision=decision, person=person, choice="approve")
    assert not Ballot.objects.exists()


def test_only_eligible_people_vote(consultation, meeting):
    (present,) = arrive(meeting, 1)
    (absent,) = arrive(meeting, 1, checked_in=False)
    decision = open_decision(consultation)
    refused("decision.not_eligible", decision=decision, person=absent, choice="approve")
    refused("decision.not_eligible", decision=decision, person=PersonFactory(), choice="approve")
    (listed,) = arrive(meeting, 1, checked_in=False)
    by_list = open_decision(consultation, voters="list", people=[listed, absent])
    refused("decision.not_eligible", decision=by_list, person=present, choice="approve")
    vote(by_list, [listed], "approve")
    vote(decision, [present], "consent")
    assert Ballot.objects.count() == 2


def test_observers_and_guests_checked_in_do_not_vote_nor_count(consultation, meeting):
    voters = [arrive(meeting, 1, category=c)[0] for c in ("participant", "speaker", "organiser")]
    watchers = [arrive(meeting, 1, category=c)[0] for c in ("observer", "guest")]
    decision = open_decision(consultation)
    for person in watchers:
        refused("decision.not_eligible", decision=decision, person=person, choice="approve")
    vote(decision, voters, "approve")
    assert eligible_count(decision) == 3
    listed = open_decision(consultation, voters="list", people=watchers)  # a list may name anyone
    vote(listed, watchers, "approve")
    assert Ballot.objects.count() == 5


def test_an_objection_needs_a_reason_and_only_objections_keep_one(consultation, meeting):
    alice, bob = arrive(meeting, 2)
    decision = open_decision(consultation)
    refused("decision.reason_required", decision=decision, person=alice, choice="object", reason="   ")
    refused("decision.bad_choice", decision=decision, person=alice, choice="maybe")
    vote(decision, [alice], "object", "  The target is wrong.  ")
    vote(decision, [bob], "approve", "Great idea")
    assert dict(Ballot.objects.values_list("voter__name_en", "reason")) == {
        alice.name_en: "The target is wrong.",
        bob.name_en: "",
    }


def test_a_named_ballot_changes_until_the_decision_closes(consultation, meeting):
    (person,) = arrive(meeting, 1)
    decision = open_decision(consultation)
    vote(decision, [person], "object", "Not now.")
    first = Ballot.objects.get()
    vote(decision, [person], "consent")
    (ballot,) = Ballot.objects.all()
    assert (ballot.pk, ballot.voter, ballot.choice, ballot.reason) == (first.pk, person, "consent", "")
    services.close_decision(decision=decision, actor=None)
    refused("decision.closed", decision=decision, person=person, choice="approve")
    assert Ballot.objects.get().choice == "consent"


def test_an_anonymous_ballot_is_cast_once_and_never_changes(consultation, meeting):
    (person,) = arrive(meeting, 1)
    decision = open_decision(consultation, anonymous=True)
    assert services.cast_ballot(decision=decision, person=person, choice="object", reason="Too soon.") is None
    refused("decision.already_voted", decision=decision, person=person, choice="approve")
    (ballot,) = Ballot.objects.all()
    assert (ballot.voter, ballot.choice, ballot.reason) == (None, "object", "Too soon.")
    assert list(VoteMark.objects.values_list("person", flat=True)) == [person.pk]


def vote_twice_in_parallel(decision: Decision, people, choices=("approve", "object")) -> list[Exception]:
    """Every person sends two ballots at once: thread i sends ballot i // 10 of every tenth person."""
    barrier = threading.Barrier(20)
    errors: list[Exception] = []

    def send(ballot: int, batch):
        try:
            barrier.wait()
            for person in batch:
                try:
                    vote(decision, [person], choices[ballot], "Not before the analysis." if ballot else "")
                except Exception as error:  # collected, checked by the test
                    errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(i // 10, people[i % 10 :: 10])) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_100_voters_sending_two_named_ballots_at_once_leave_100_ballots():
    meeting = MeetingFactory()
    people = arrive(meeting, 100)
    decision = open_decision(meeting.consultation, meeting)
    assert vote_twice_in_parallel(decision, people) == []
    ballots = Ballot.objects.filter(decision=decision)
    assert ballots.count() == 100
    assert set(ballots.values_list("voter", flat=True)) == {p.pk for p in people}
    assert set(ballots.values_list("choice", flat=True)) <= {"approve", "object"}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_100_voters_sending_two_anonymous_ballots_at_once_leave_100_ballots_and_100_marks():
    meeting = MeetingFactory()
    people = arrive(meeting, 100)
    decision = open_decision(meeting.consultation, meeting, anonymous=True)
    errors = vote_twice_in_parallel(decision, people)
    assert len(errors) == 100
    assert {getattr(e, "code", repr(e)) for e in errors} == {"decision.already_voted"}
    assert Ballot.objects.filter(decision=decision).count() == 100
    assert not Ballot.objects.exclude(voter=None).exists()
    assert set(VoteMark.objects.filter(decision=decision).values_list("person", flat=True)) == {
        p.pk for p in people
    }


# --- The pass rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "counts", "eligible", "expected"),
    [
        ("no_objection", {"approve": 4, "consent": 1, "abstain": 2}, 10, (True, True)),
        ("no_objection", {"abstain": 5}, 10, (True, True)),  # no one objects: it passes, as the rule says
        ("no_objection", {"approve": 6, "object": 1}, 10, (True, False)),
        ("no_objection", {"approve": 4}, 10, (False, False)),  # 4 of 10 below a 50% quorum
        ("majority", {"approve": 3, "object": 2, "abstain": 5}, 10, (True, True)),
        ("majority", {"approve": 2, "object": 2, "abstain": 1}, 10, (True, False)),  # half is not more
        ("majority", {"abstain": 6}, 10, (True, False)),
        ("majority", {"approve": 4}, 10, (False, False)),
        ("two_thirds", {"approve": 2, "consent": 2, "object": 2}, 10, (True, True)),  # exactly 2/3
        ("two_thirds", {"approve": 3, "object": 2}, 10, (True, False)),
        ("two_thirds", {"abstain": 6}, 10, (True, False)),
        ("two_thirds", {"approve": 4}, 9, (False, False)),  # 4 of 9 below 50%
        ("two_thirds", {}, 0, (False, False)),  # no ballot, no quorum
    ],
)
def test_pass_rules(rule, counts, eligible, expected):
    outcome = verdict(counts, eligible=eligible, quorum=50, rule=rule)
    assert (outcome.quorum_reached, outcome.passed) == expected


@pytest.mark.parametrize(
    ("rule", "ballots", "expected"),
    [
        ("no_objection", {"approve": 5, "abstain": 2}, (True, True)),
        ("no_objection", {"approve": 5, "object": 1}, (True, False)),
        ("no_objection", {"approve": 4}, (False, False)),
        ("majority", {"approve": 3, "object": 2, "abstain": 1}, (True, True)),
        ("majority", {"consent": 2, "object": 2, "abstain": 2}, (True, False)),
        ("majority", {"approve": 3, "object": 1}, (False, False)),
        ("two_thirds", {"approve": 3, "consent": 1, "object": 2}, (True, True)),
        ("two_thirds", {"approve": 3, "object": 2, "abstain": 1}, (True, False)),
        ("two_thirds", {"approve": 4}, (False, False)),
    ],
)
def test_closing_records_the_outcome_of_each_rule(consultation, meeting, organiser, rule, ballots, expected):
    people = iter(arrive(meeting, 10))
    decision = open_decision(consultation, pass_rule=rule, quorum=50)
    for choice, count in ballots.items():
        vote(decision, [next(people) for _ in range(count)], choice, "Because." if choice == "object" else "")
    closed = services.close_decision(
        decision=decision, statement_en="Adopted.", statement_km="បានអនុម័ត។", actor=organiser
    )
    closed.refresh_from_db()
    assert (closed.quorum_reached, closed.passed) == expected
    assert (closed.status, closed.eligible_count, closed.statement_km) == ("closed", 10, "បានអនុម័ត។")
    assert closed.closed_at is not None
    (entry,) = AuditEntry.objects.filter(action="decision.closed")
    assert entry.data | {"title": None} == {
        "title": None,
        "ballots": sum(ballots.values()),
        "eligible": 10,
        "quorum_reached": expected[0],
        "passed": expected[1],
    }


def test_closing_needs_an_open_decision_and_may_have_no_statement(consultation, meeting):
    draft = prepared_decision(consultation)
    with pytest.raises(DomainError) as error:
        services.close_decision(decision=draft, actor=None)
    assert error.value.code == "decision.not_open"
    services.open_decision(decision=draft, actor=None)
    closed = services.close_decision(decision=draft, actor=None)
    assert (closed.statement_en, closed.statement_km, closed.passed, closed.eligible_count) == (
        "",
        "",
        False,
        0,
    )
    with pytest.raises(DomainError) as error:
        services.close_decision(decision=draft, actor=None)
    assert error.value.code == "decision.closed"


def test_someone_who_voted_then_left_still_counts_as_eligible(consultation, meeting):
    people = arrive(meeting, 4)
    decision = open_decision(consultation)
    vote(decision, people[:2], "approve")
    CheckIn.objects.filter(person=people[0]).delete()
    assert results(decision, organiser=True).eligible == 4
    assert services.close_decision(decision=decision, actor=None).eligible_count == 4


# --- Who sees the count -------------------------------------------------------------------


def test_hidden_results_are_hidden_from_everyone_until_close(consultation, meeting):
    people = arrive(meeting, 4)
    decision = open_decision(consultation, results_hidden=True)
    vote(decision, people[:3], "approve")
    assert results(decision, organiser=False) is None
    seen = results(decision, organiser=True)
    assert (seen.cast, seen.eligible, seen.turnout, seen.quorum_reached) == (3, 4, 75, True)
    assert (seen.hidden, seen.tallies, seen.objections, seen.passed) == (True, (), (), None)
    services.close_decision(decision=decision, actor=None)
    decision.refresh_from_db()
    for organiser in (True, False):
        final = results(decision, organiser=organiser)
        assert final.final and final.passed and {t.choice: t.ballots for t in final.tallies}["approve"] == 3


def test_a_shown_count_names_objectors_only_to_organisers_of_named_decisions(consultation, meeting):
    alice, bob = arrive(meeting, 2)
    decision = open_decision(consultation, results_hidden=False)
    vote(decision, [alice], "object", "Wrong target.")
    vote(decision, [bob], "approve")
    assert results(decision, organiser=True).objections[0].name == alice.name_en
    participant_view = results(decision, organiser=False)
    assert [(o.reason, o.name) for o in participant_view.objections] == [("Wrong target.", "")]
    assert {t.choice: (t.ballots, t.percent) for t in participant_view.tallies} == {
        "consent": (0, 0),
        "approve": (1, 50),
        "abstain": (0, 0),
        "object": (1, 50),
    }
    assert participant_view.passed is False and not participant_view.final


def test_the_count_is_read_in_a_fixed_number_of_queries(consultation, meeting, django_assert_num_queries):
    people = arrive(meeting, 30)
    decision = open_decision(consultation, results_hidden=False, anonymous=True)
    vote(decision, people[:20], "approve")
    vote(decision, people[20:25], "object", "No.")
    with django_assert_num_queries(3):
        assert results(decision, organiser=True).cast == 25
