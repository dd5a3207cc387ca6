"""Check-in at the door: finding people by name or by code, one tap, undo, the live count.

The demo meeting already has about 60 invitees and 55 check-ins; the people made here have
names no demo person has.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import translation

from sala.attendance import links, services
from sala.attendance.models import CheckIn, Registration
from sala.core.errors import MESSAGES
from sala.core.models import AuditEntry
from tests.factories import PP, MeetingFactory, OrganisationFactory, PersonFactory, UserFactory

SLUG = "cybercrime-law-2014"
BASE = f"/en/manage/meetings/{SLUG}/check-in/"
HTMX = {"HTTP_HX_REQUEST": "true"}
ORGANISER = "organiser-test@example.org"


@pytest.fixture
def sothea(demo_meeting, organiser):
    """An invited speaker with names in both scripts."""
    person = PersonFactory(
        name_en="Oum Sothea", name_km="អ៊ុំ សុធា", organisation=OrganisationFactory(acronym="KYDR")
    )
    services.invite_people(meeting=demo_meeting, people=[person], category="speaker", actor=organiser)
    return person


@pytest.fixture
def bunna(demo_meeting, organiser):
    person = PersonFactory(name_en="Nhem Bunna", name_km="ញឹម ប៊ុនណា")
    services.invite_people(meeting=demo_meeting, people=[person], actor=organiser)
    return person


def here(meeting, person=None) -> int:
    checkins = CheckIn.objects.filter(meeting=meeting)
    return (checkins.filter(person=person) if person else checkins).count()


def audited(action: str) -> int:
    return AuditEntry.objects.filter(action=action, actor_label=ORGANISER).count()


# Finding people


@pytest.mark.parametrize("text", ["សុធ", "othe", "SOTHEA oum", "អ៊ុំ"])
def test_search_finds_a_person_by_part_of_either_name(organiser_client, sothea, bunna, text):
    response = organiser_client.get(BASE, {"q": text})
    html = response.content.decode()
    assert response.status_code == 200
    assert "អ៊ុំ សុធា" in html and "Oum Sothea" in html
    assert "KYDR · Speaker or resource person" in html
    assert "Nhem Bunna" not in html


def test_typing_with_htmx_gets_the_results_alone(organiser_client, sothea):
    response = organiser_client.get(BASE, {"q": "សុធ"}, **HTMX)
    html = response.content.decode()
    assert "Oum Sothea" in html
    assert "<html" not in html and 'id="checkin-count"' not in html
    assert "HX-Request" in response["Vary"]


def test_a_search_finds_only_people_of_this_meeting(organiser_client, sothea):
    PersonFactory(name_en="Oum Sothea Outsider")
    html = organiser_client.get(BASE, {"q": "outsider"}).content.decode()
    assert "Outsider" not in html.replace('value="outsider"', "").replace("“outsider”", "")
    assert "No one matches." in html and "walk-in/?name=outsider" in html


def test_the_page_shows_the_count_against_the_target(organiser_client, demo_meeting, sothea, organiser):
    before = here(demo_meeting)
    assert f"{before} checked in of target 50–60" in organiser_client.get(BASE).content.decode()
    services.check_in(meeting=demo_meeting, person=sothea, actor=organiser)
    assert f"{before + 1} checked in of target 50–60" in organiser_client.get(BASE).content.decode()


def test_the_khmer_page_counts_in_khmer_digits(organiser_client, demo_meeting):
    html = organiser_client.get(f"/km/manage/meetings/{SLUG}/check-in/").content.decode()
    count = str(here(demo_meeting)).translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    assert count in html and "៥០–៦០" in html


# Checking in, once


def test_check_in_with_htmx_returns_the_row_and_the_new_count(organiser_client, demo_meeting, sothea):
    before = here(demo_meeting)
    response = organiser_client.post(f"{BASE}{sothea.pk}/", **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    checkin = CheckIn.objects.get(meeting=demo_meeting, person=sothea)
    assert (checkin.category, checkin.by_label) == ("speaker", ORGANISER)
    assert f"Checked in at {checkin.at.astimezone(PP):%H:%M} by {ORGANISER}" in html
    assert "Undo" in html and ">Check in<" not in html
    assert 'hx-swap-oob="true"' in html and f"{before + 1} checked in of target 50–60" in html
    assert audited("attendance.checked_in") == 1


def test_check_in_without_javascript_goes_back_to_the_search(organiser_client, sothea):
    response = organiser_client.post(f"{BASE}{sothea.pk}/", {"q": "សុធ"})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}?q=%E1%9E%9F%E1%9E%BB%E1%9E%92"
    page = organiser_client.get(response["Location"]).content.decode()
    assert "Oum Sothea is checked in." in page and "Checked in at" in page


def test_checking_in_twice_leaves_one_check_in(organiser_client, demo_meeting, sothea):
    organiser_client.post(f"{BASE}{sothea.pk}/", **HTMX)
    response = organiser_client.post(f"{BASE}{sothea.pk}/", **HTMX)  # a retry, or a second organiser
    assert response.status_code == 200 and "Checked in at" in response.content.decode()
    assert here(demo_meeting, sothea) == 1
    assert audited("attendance.checked_in") == 1
    follow = organiser_client.post(f"{BASE}{sothea.pk}/", {"q": "sothea"}, follow=True)
    assert "Oum Sothea was already checked in." in follow.content.decode()
    assert here(demo_meeting, sothea) == 1


def test_no_one_outside_the_meeting_can_be_checked_in(organiser_client, demo_meeting):
    stranger = PersonFactory()
    assert organiser_client.post(f"{BASE}{stranger.pk}/", **HTMX).status_code == 404
    assert organiser_client.get(f"{BASE}{stranger.pk}/undo/").status_code == 404
    assert here(demo_meeting, stranger) == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="truly concurrent writes: PostgreSQL")
def test_two_organisers_tapping_at_the_same_moment_make_one_check_in():
    meeting, person = MeetingFactory(), PersonFactory()
    organisers = [UserFactory(), UserFactory()]
    meeting.consultation.organisers.add(*organisers)
    services.invite_people(meeting=meeting, people=[person], actor=organisers[0])
    url = f"/en/manage/meetings/{meeting.slug}/check-in/{person.pk}/"
    barrier = threading.Barrier(len(organisers))
    statuses, errors = [], []

    def tap(user) -> None:
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()
            statuses.append(client.post(url, **HTMX).status_code)
        except Exception as error:  # any failure must fail the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=tap, args=(user,)) for user in organisers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and statuses == [200, 200]
    assert here(meeting, person) == 1
    assert AuditEntry.objects.filter(action="attendance.checked_in").count() == 1


# Undoing a mistake


def test_undo_asks_first_then_removes_the_check_in(organiser_client, demo_meeting, sothea, organiser):
    services.check_in(meeting=demo_meeting, person=sothea, actor=organiser)
    before = here(demo_meeting)
    confirm = organiser_client.get(f"{BASE}{sothea.pk}/undo/", **HTMX).content.decode()
    assert "Undo this check-in, made at" in confirm and "<html" not in confirm
    assert here(demo_meeting, sothea) == 1  # asking changes nothing

    html = organiser_client.post(f"{BASE}{sothea.pk}/undo/", **HTMX).content.decode()
    assert here(demo_meeting, sothea) == 0
    assert ">Check in<" in html and f"{before - 1} checked in of target" in html
    assert audited("attendance.check_in_undone") == 1

    again = organiser_client.post(f"{BASE}{sothea.pk}/undo/", **HTMX)  # a second organiser, too late
    assert again.status_code == 200
    assert audited("attendance.check_in_undone") == 1


def test_undo_without_javascript_has_a_confirmation_page(organiser_client, demo_meeting, sothea, organiser):
    services.check_in(meeting=demo_meeting, person=sothea, actor=organiser)
    page = organiser_client.get(f"{BASE}{sothea.pk}/undo/").content.decode()
    assert "<html" in page and "Yes, undo the check-in" in page and "Keep it" in page
    response = organiser_client.post(f"{BASE}{sothea.pk}/undo/", {"q": "Oum Sothea"}, follow=True)
    assert here(demo_meeting, sothea) == 0
    assert "The check-in of Oum Sothea is undone." in response.content.decode()


def test_keeping_the_check_in_shows_the_row_again(organiser_client, demo_meeting, sothea, organiser):
    services.check_in(meeting=demo_meeting, person=sothea, actor=organiser)
    html = organiser_client.get(f"{BASE}{sothea.pk}/", **HTMX).content.decode()
    assert "Checked in at" in html and here(demo_meeting, sothea) == 1


# Codes: scanned from the invitation's QR code, or typed


@pytest.mark.parametrize("form", ["link", "token", "link without the last slash"])
def test_a_scanned_invitation_code_finds_its_person(organiser_client, demo_meeting, sothea, bunna, form):
    token = sothea.invitations.get().token
    link = links.invitation_link(token, "km")
    code = {"link": link, "token": f"  {token} ", "link without the last slash": link.rstrip("/")}[form]
    response = organiser_client.post(f"{BASE}code/", {"code": code}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Oum Sothea" in html and "Nhem Bunna" not in html
    assert ">Check in<" in html  # shown, not yet checked in: one more tap does it
    assert here(demo_meeting, sothea) == 0


def test_a_registration_code_works_too(organiser_client, demo_meeting):
    person = PersonFactory(name_en="Nhem Sina")
    registration = services.register_person(
        meeting=demo_meeting, person=person, source=Registration.Source.FORM
    )
    html = organiser_client.post(f"{BASE}code/", {"code": registration.token}, **HTMX).content.decode()
    assert "Nhem Sina" in html


def test_a_code_shows_who_already_checked_the_person_in(organiser_client, demo_meeting, sothea, organiser):
    services.check_in(meeting=demo_meeting, person=sothea, actor=organiser)
    response = organiser_client.post(f"{BASE}code/", {"code": sothea.invitations.get().token}, **HTMX)
    assert f"by {ORGANISER}" in response.content.decode()


@pytest.mark.parametrize("lang", ["en", "km"])
def test_an_unknown_code_is_refused_in_the_users_language(organiser_client, demo_meeting, lang):
    response = organiser_client.post(
        f"/{lang}/manage/meetings/{SLUG}/check-in/code/", {"code": "https://example.org/i/nope/"}, **HTMX
    )
    with translation.override(lang):
        message = str(MESSAGES["checkin.unknown_code"])
    assert response.status_code == 422
    assert message in response.content.decode()


def test_a_code_of_another_meeting_is_unknown_here(organiser_client, demo_meeting, organiser):
    invitation = services.invite_people(meeting=MeetingFactory(), people=[PersonFactory()], actor=organiser)[
        0
    ]
    response = organiser_client.post(f"{BASE}code/", {"code": invitation.token})
    html = response.content.decode()
    assert response.status_code == 422
    assert "This code belongs to no one invited to this meeting." in html
    assert "<html" in html  # without JavaScript: the whole page, with the message


# The live count


def test_the_polled_count_answers_304_while_nothing_changes(
    organiser_client, demo_meeting, sothea, organiser
):
    before = here(demo_meeting)
    first = organiser_client.get(f"{BASE}count/", **HTMX)
    assert first.status_code == 200 and f"{before} checked in" in first.content.decode()
    etag = first["ETag"]
    assert organiser_client.get(f"{BASE}count/", HTTP_IF_NONE_MATCH=etag, **HTMX).status_code == 304
    services.check_in(meeting=demo_meeting, person=sothea, actor=organiser)
    changed = organiser_client.get(f"{BASE}count/", HTTP_IF_NONE_MATCH=etag, **HTMX)
    assert changed.status_code == 200 and f"{before + 1} checked in" in changed.content.decode()
