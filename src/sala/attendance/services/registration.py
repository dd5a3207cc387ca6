"""Places at a meeting: registering, the waiting list, cancelling and promoting.

Every function that changes who holds a place locks the meeting row first, so the count
of confirmed registrations and the write that depends on it happen one at a time: the
capacity is never exceeded, however many people sign up at once.
"""

from django.db import transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.khmer import has_khmer
from sala.meetings.models import Meeting
from sala.meetings.services.agenda import lock_meeting
from sala.people import services as people_services
from sala.people.models import Person
from sala.people.queries import matching_people

from .. import tasks
from ..models import Category, Registration
from ..queries import forget_link

Status = Registration.Status


def register_person(
    *,
    meeting: Meeting,
    person: Person,
    source: str,
    category: str = Category.PARTICIPANT,
    actor=None,
) -> Registration:
    """Give the person a place, or a place on the waiting list when the meeting is full.

    Registering again is harmless: an active registration is returned as it is; a
    cancelled one is renewed. Walk-ins are never refused: they are already in the room.
    """
    with transaction.atomic():
        meeting = lock_meeting(meeting)
        registration = Registration.objects.filter(meeting=meeting, person=person).first()
        if registration is not None and registration.status != Status.CANCELLED:
            return registration
        full = source != Registration.Source.WALK_IN and not has_free_place(meeting)
        now = timezone.now()
        fields = {
            "category": category,
            "source": source,
            "status": Status.WAITLISTED if full else Status.CONFIRMED,
            "queued_at": now if full else None,
        }
        if registration is None:
            registration = Registration.objects.create(meeting=meeting, person=person, **fields)
        else:
            for name, value in fields.items():
                setattr(registration, name, value)
            registration.save()
        audit.record(
            action="registration.waitlisted" if full else "registration.confirmed",
            scope=meeting,
            target=person,
            actor=actor,
            actor_label="" if actor else str(person),
            data={"name": str(person), "source": source},
        )
        return registration


def cancel_registration(*, registration: Registration, actor=None) -> Registration:
    """Give the place up; the first person waiting gets it and is told."""
    with transaction.atomic():
        meeting = lock_meeting(registration.meeting)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration
        registration.status = Status.CANCELLED
        registration.queued_at = None
        registration.save(update_fields=["status", "queued_at"])
        forget_link(registration.token)
        audit.record(
            action="registration.cancelled",
            scope=meeting,
            target=registration.person,
            actor=actor,
            actor_label="" if actor else str(registration.person),
            data={"name": str(registration.person)},
        )
        promote_waiting(meeting)
        return registration


def set_places(*, meeting: Meeting, capacity: int | None, registration_open: bool, actor) -> Meeting:
    """Change the capacity; new places go to the people waiting, in order."""
    with transaction.atomic():
        meeting = lock_meeting(meeting)
        meeting.capacity = capacity
        meeting.registration_open = registration_open
        meeting.save(update_fields=["capacity", "registration_open"])
        audit.record(
            action="meeting.places_changed",
            scope=meeting,
            actor=actor,
            data={"capacity": capacity, "registration_open": registration_open},
        )
        promote_waiting(meeting)
        return meeting


def has_free_place(meeting: Meeting) -> bool:
    places = meeting.places
    if places is None:
        return True
    return Registration.objects.filter(meeting=meeting, status=Status.CONFIRMED).count() < places


def promote_waiting(meeting: Meeting) -> list[Registration]:
    """Fill free places from the waiting list; the caller holds the meeting lock."""
    promoted = []
    while has_free_place(meeting):
        first = (
            Registration.objects.filter(meeting=meeting, status=Status.WAITLISTED)
            .order_by("queued_at", "pk")
            .first()
        )
        if first is None:
            break
        first.status = Status.CONFIRMED
        first.promoted_at = timezone.now()
        first.queued_at = None
        first.save(update_fields=["status", "promoted_at", "queued_at"])
        audit.record(
            action="registration.promoted",
            scope=meeting,
            target=first.person,
            data={"name": str(first.person)},
        )
        tasks.send_promotion.enqueue(first.pk)
        promoted.append(first)
    return promoted


def register_from_form(
    *,
    meeting: Meeting,
    name: str,
    organisation: str,
    gender: str,
    email: str,
    phone: str = "",
    language: str,
) -> Registration | None:
    """A sign-up through a public meeting's form.

    A newcomer gets their registration back (its page is their key). Someone Sala already
    knows gets their link by email only: a form must not hand one person's registration
    to whoever types their address. Then None is returned.
    """
    if not (meeting.is_public and meeting.registration_open):
        raise DomainError("registration.closed")
    with transaction.atomic():
        org = people_services.find_or_create_organisation(name=organisation) if organisation.strip() else None
        known = matching_people(name=name, organisation=org, phone=phone, email=email)
        person = known[0] if known else None
        if person is None:
            script = "name_km" if has_khmer(name) else "name_en"
            person = people_services.create_person(
                **{script: name}, organisation=org, gender=gender, email=email, phone=phone, language=language
            )
        registration = register_person(meeting=meeting, person=person, source=Registration.Source.FORM)
        if not known:
            return registration
        if person.email:
            tasks.send_registration_link.enqueue(registration.pk)
        return None
