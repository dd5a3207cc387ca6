"""Helpers of the road-map and decision tests: people checked in with a personal link, strategies,
and decisions ready to vote on (plain functions, so any test module may use them)."""

from sala.advocacy.models import Decision, Strategy
from sala.advocacy.services import decisions as decision_services
from sala.advocacy.services import strategies as strategy_services
from sala.attendance.models import CheckIn, Invitation
from sala.meetings.models import Consultation, Meeting
from sala.people.models import Person
from tests.factories import PersonFactory


def arrive(
    meeting: Meeting, count: int, *, checked_in=True, prefix="Voter", category="participant"
) -> list[Person]:
    """`count` new people invited to the meeting (each with a personal link), checked in or not."""
    people = [PersonFactory(name_en=f"{prefix} {meeting.pk}-{n}") for n in range(count)]
    Invitation.objects.bulk_create([Invitation(meeting=meeting, person=p, category=category) for p in people])
    if checked_in:
        CheckIn.objects.bulk_create([CheckIn(meeting=meeting, person=p, category=category) for p in people])
    return people


def token_of(meeting: Meeting, person: Person) -> str:
    return Invitation.objects.get(meeting=meeting, person=person).token


def add_strategy(
    consultation: Consultation, activity: str = "Joint submission to the Ministry", **fields
) -> Strategy:
    return strategy_services.create_strategy(
        consultation=consultation, actor=None, activity_en=activity, **fields
    )


def prepared_decision(consultation: Consultation, meeting: Meeting | None = None, **rules) -> Decision:
    """A draft decision on a new strategy; the meeting's checked-in people vote unless told otherwise."""
    strategies = rules.pop("strategies", None) or [add_strategy(consultation)]
    meeting = meeting or consultation.meetings.first()
    return decision_services.create_decision(
        consultation=consultation,
        actor=None,
        meeting=meeting,
        strategies=strategies,
        **{"title_en": "Approve the road map", "title_km": "អនុម័តផែនទីបង្ហាញផ្លូវ", **rules},
    )


def open_decision(consultation: Consultation, meeting: Meeting | None = None, **rules) -> Decision:
    decision = prepared_decision(consultation, meeting, **rules)
    return decision_services.open_decision(decision=decision, actor=None)


def vote(decision: Decision, people: list[Person], choice: str, reason: str = "") -> None:
    for person in people:
        decision_services.cast_ballot(decision=decision, person=person, choice=choice, reason=reason)
