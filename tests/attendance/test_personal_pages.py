"""An invitee's and a registrant's own pages: reached by the secret link, showing only their place."""

import pytest
from django.core import mail

from sala.attendance import services
from sala.attendance.models import Invitation, Registration
from sala.people.models import Person
from tests.factories import MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(demo_meeting):
    person = Person.objects.create(name_en="Keo Dara", email="dara@example.org")
    return services.invite_people(meeting=demo_meeting, people=[person], actor=None)[0]


def test_invitee_accepts_then_declines_with_their_link(client, invitation):
    url = f"/en/i/{invitation.token}/"
    page = client.get(url)
    assert page.status_code == 200 and "Keo Dara" in page.content.decode()
    assert "no-cache" in page["Cache-Control"] and page["Referrer-Policy"] == "same-origin"
    page = client.post(url, {"answer": "accept"}, follow=True).content.decode()
    assert "Your place is confirmed." in page and f"/en/i/{invitation.token}/qr.svg" in page
    qr = client.get(f"/en/i/{invitation.token}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    client.post(url, {"answer": "decline"})
    assert Registration.objects.get(person=invitation.person).status == "cancelled"


def test_a_full_meeting_puts_the_invitee_on_the_waiting_list(client, invitation, demo_meeting):
    services.set_places(meeting=demo_meeting, capacity=1, registration_open=False, actor=None)
    page = client.post(f"/en/i/{invitation.token}/", {"answer": "accept"}, follow=True).content.decode()
    assert "You are on the waiting list" in page
    assert Registration.objects.get(person=invitation.person).status == "waitlisted"


def test_a_link_shows_nobody_else(client, invitation, demo_meeting):
    page = client.get(f"/en/i/{invitation.token}/").content.decode()
    others = Invitation.objects.filter(meeting=demo_meeting).exclude(pk=invitation.pk)
    assert not any(o.token in page for o in others)
    not_on_agenda = others.exclude(category="speaker")  # facilitators are named on the public agenda
    assert not any(o.person.name_en in page for o in not_on_agenda)
    assert client.get("/en/i/not-a-token/").status_code == 404


def test_registrant_cancels_and_the_first_waiting_gets_the_place(client, demo_meeting):
    services.set_places(meeting=demo_meeting, capacity=57, registration_open=False, actor=None)
    holder = Registration.objects.filter(meeting=demo_meeting, status="confirmed").first()
    waiting = services.register_person(
        meeting=demo_meeting, person=PersonFactory(email="next@example.org"), source="form"
    )
    page = client.get(f"/en/r/{holder.token}/").content.decode()
    assert "Cancel my registration" in page
    client.post(f"/en/r/{holder.token}/", {"cancel": "yes"})
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to for m in mail.outbox] == [["next@example.org"]]


@pytest.fixture
def open_meeting(db):
    return MeetingFactory(visibility="public", registration_open=True, capacity=1)


def test_open_registration_form_registers_a_newcomer(client, open_meeting):
    url = f"/en/meetings/{open_meeting.slug}/register/"
    response = client.post(url, {"name": "ចាន់ សុភា", "organisation": "New Org", "gender": "woman",
                                 "email": "sophea@example.org"})  # fmt: skip
    registration = Registration.objects.get(meeting=open_meeting)
    assert response.url == f"/en/r/{registration.token}/"
    assert registration.person.name_km == "ចាន់ សុភា" and registration.person.organisation.name_en == "New Org"
    client.post(url, {"name": "Someone Else", "email": "else@example.org"})
    assert Registration.objects.get(person__email="else@example.org").status == "waitlisted"


def test_a_known_address_gets_its_link_by_email_not_on_screen(client, open_meeting):
    url = f"/en/meetings/{open_meeting.slug}/register/"
    client.post(url, {"name": "Chan Sophea", "email": "sophea@example.org"})
    token = Registration.objects.get().token
    mail.outbox.clear()
    response = client.post(url, {"name": "Impostor", "email": "sophea@example.org"})
    assert token not in response.content.decode()
    assert "your personal link is on its way" in response.content.decode()
    assert token in mail.outbox[0].body and mail.outbox[0].to == ["sophea@example.org"]


def test_registration_form_needs_an_open_public_meeting(client, demo_meeting, open_meeting):
    assert client.get(f"/en/meetings/{demo_meeting.slug}/register/").status_code == 404
    page = client.post(f"/en/meetings/{open_meeting.slug}/register/", {"name": "", "email": "bad"})
    assert page.status_code == 200 and "Enter a valid email address." in page.content.decode()
    assert not Registration.objects.filter(meeting=open_meeting).exists()
