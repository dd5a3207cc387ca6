"""Places, the waiting list and promotion: the capacity is never exceeded."""

import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.http import Http404

from sala.attendance import services
from sala.attendance.models import Invitation, Registration
from sala.attendance.queries import link_ids
from tests.factories import MeetingFactory, PersonFactory, UserFactory

Status = Registration.Status
FORM = Registration.Source.FORM


@pytest.fixture
def small_meeting(db):
    return MeetingFactory(capacity=2)


def register(meeting, person=None):
    return services.register_person(meeting=meeting, person=person or PersonFactory(), source=FORM)


def test_places_fill_then_people_wait_in_order(small_meeting):
    first, second, third, fourth = (register(small_meeting) for _ in range(4))
    assert [r.status for r in (first, second, third, fourth)] == [Status.CONFIRMED] * 2 + [
        Status.WAITLISTED
    ] * 2
    assert third.queued_at < fourth.queued_at


def test_registering_twice_keeps_one_registration(small_meeting):
    person = PersonFactory()
    assert register(small_meeting, person).pk == register(small_meeting, person).pk
    assert Registration.objects.filter(meeting=small_meeting).count() == 1


def test_cancelling_promotes_the_first_waiting_and_tells_them(small_meeting):
    first, _, waiting, _later = (register(small_meeting) for _ in range(4))
    waiting.person.email = "waiting@example.org"
    waiting.person.save()
    services.cancel_registration(registration=first)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED and waiting.promoted_at is not None
    assert Registration.objects.filter(meeting=small_meeting, status=Status.CONFIRMED).count() == 2
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]
    assert any(name.endswith(".ics") for name, *_ in mail.outbox[0].attachments)


def test_a_cancelled_or_withdrawn_link_stops_at_once_though_its_ids_were_cached(small_meeting):
    """The live meeting reads a link's ids from the cache; cancelling or withdrawing forgets them."""
    registration = register(small_meeting)
    invitation = Invitation.objects.create(meeting=small_meeting, person=PersonFactory())
    for link in (registration, invitation):
        assert link_ids(link.token) == (small_meeting.pk, link.person_id)  # now in the cache
    services.cancel_registration(registration=registration)
    services.withdraw_invitation(invitation=invitation, actor=UserFactory())
    for link in (registration, invitation):
        with pytest.raises(Http404):
            link_ids(link.token)


def test_walk_ins_are_not_refused_when_full(small_meeting):
    register(small_meeting), register(small_meeting)
    walk_in = services.register_person(
        meeting=small_meeting, person=PersonFactory(), source=Registration.Source.WALK_IN
    )
    assert walk_in.status == Status.CONFIRMED


def test_more_places_go_to_people_waiting(small_meeting):
    for _ in range(4):
        register(small_meeting)
    services.set_places(meeting=small_meeting, capacity=3, registration_open=True, actor=UserFactory())
    assert Registration.objects.filter(meeting=small_meeting, status=Status.CONFIRMED).count() == 3


def test_declining_an_invitation_frees_the_place(small_meeting):
    person = PersonFactory(email="invitee@example.org")
    invitation = services.invite_people(meeting=small_meeting, people=[person], actor=UserFactory())[0]
    services.answer_invitation(invitation=invitation, accept=True)
    assert Registration.objects.get(person=person).status == Status.CONFIRMED
    services.answer_invitation(invitation=invitation, accept=False)
    invitation.refresh_from_db()
    assert invitation.answer == Invitation.Answer.DECLINED
    assert Registration.objects.get(person=person).status == Status.CANCELLED


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_100_parallel_registrations_for_60_places():
    meeting = MeetingFactory(capacity=60)
    people = [PersonFactory() for _ in range(100)]
    barrier = threading.Barrier(20)
    errors = []

    def sign_up(batch):
        try:
            barrier.wait()
            for person in batch:
                register(meeting, person)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(people[i::20],)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    statuses = list(Registration.objects.filter(meeting=meeting).values_list("status", flat=True))
    assert statuses.count(Status.CONFIRMED) == 60
    assert statuses.count(Status.WAITLISTED) == 40
