"""Checking people in at the door, and registering walk-ins."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.khmer import has_khmer
from sala.meetings.models import Meeting
from sala.people.models import Organisation, Person
from sala.people.services import create_person

from ..models import Category, CheckIn, Invitation, Registration
from ..queries import meeting_people, possible_duplicates
from .registration import register_person


def check_in(*, meeting: Meeting, person: Person, actor, at: datetime | None = None) -> tuple[CheckIn, bool]:
    """Record that the person arrived; returns the check-in and whether this call made it.

    `at` is for typing up a paper sign-in sheet afterwards; at the door it is now.

    Two organisers tapping at once, or a request retried after a dropped connection,
    meet the unique constraint: the second gets the first one's check-in back.
    """
    existing = CheckIn.objects.filter(meeting=meeting, person=person).select_related("by").first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                meeting=meeting,
                person=person,
                category=category_of(meeting, person),
                at=at or timezone.now(),
                by=actor,
                by_label=actor.get_username(),
            )
            audit.record(
                action="attendance.checked_in",
                scope=meeting,
                target=person,
                actor=actor,
                data={"name": str(person)},
            )
    except IntegrityError:
        return CheckIn.objects.select_related("by").get(meeting=meeting, person=person), False
    return checkin, True


@transaction.atomic
def undo_check_in(*, checkin: CheckIn, actor) -> None:
    audit.record(
        action="attendance.check_in_undone",
        scope=checkin.meeting,
        target=checkin.person,
        actor=actor,
        data={"name": str(checkin.person)},
    )
    checkin.delete()


def category_of(meeting: Meeting, person: Person) -> str:
    for model in (Registration, Invitation):
        found = model.objects.filter(meeting=meeting, person=person).values_list("category", flat=True)
        if found:
            return found[0]
    return Category.PARTICIPANT


def person_for_code(meeting: Meeting, code: str) -> Person:
    """The person whose personal link (or its last part, the token) was scanned or typed."""
    token = code.strip().rstrip("/").rsplit("/", 1)[-1]
    for model in (Invitation, Registration):
        found = model.objects.filter(meeting=meeting, token=token).select_related("person").first()
        if found is not None:
            return found.person
    raise DomainError("checkin.unknown_code")


def register_walk_in(
    *,
    meeting: Meeting,
    name: str,
    organisation: Organisation | None,
    gender: str,
    phone: str = "",
    actor,
    confirm_new: bool = False,
) -> CheckIn:
    """A person at the door with no registration: registered and checked in at once.

    If someone like them is already known (same phone, or same name and organisation),
    the organiser must choose that person or confirm this is someone new.
    """
    with transaction.atomic():
        if not confirm_new and possible_duplicates(name=name, organisation=organisation, phone=phone):
            raise DomainError("walk_in.possible_duplicate", name=name)
        script = "name_km" if has_khmer(name) else "name_en"
        person = create_person(**{script: name}, organisation=organisation, gender=gender, phone=phone)
        register_person(meeting=meeting, person=person, source=Registration.Source.WALK_IN, actor=actor)
        checkin, _ = check_in(meeting=meeting, person=person, actor=actor)
        return checkin


def check_in_known(meeting: Meeting, person: Person, actor) -> tuple[CheckIn, bool]:
    """A known person at the door; one with no tie to this meeting gets a walk-in place first."""
    with transaction.atomic():
        if not meeting_people(meeting).filter(pk=person.pk).exists():
            register_person(meeting=meeting, person=person, source=Registration.Source.WALK_IN, actor=actor)
        return check_in(meeting=meeting, person=person, actor=actor)
