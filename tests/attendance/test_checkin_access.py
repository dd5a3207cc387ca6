"""Only the meeting's organisers reach the door: every check-in URL, read or write."""

import pytest

from sala.attendance import services
from sala.attendance.models import CheckIn
from sala.people.models import Person
from tests.factories import PersonFactory

SLUG = "cybercrime-law-2014"


@pytest.fixture
def invitee(demo_meeting, organiser):
    person = PersonFactory(name_en="Oum Sothea")
    invitation = services.invite_people(meeting=demo_meeting, people=[person], actor=organiser)[0]
    services.check_in(meeting=demo_meeting, person=person, actor=organiser)
    return invitation


def requests(invitee) -> list[tuple[str, str, dict]]:
    base = f"/en/manage/meetings/{SLUG}/check-in/"
    person = invitee.person.pk
    walk_in = {"name": "Sim Chantha", "organisation": "Brand New Club", "gender": "woman"}
    return [
        ("get", base, {"q": "Sothea"}),
        ("get", f"{base}count/", {}),
        ("post", f"{base}code/", {"code": invitee.token}),
        ("get", f"{base}walk-in/", {}),
        ("post", f"{base}walk-in/", walk_in),
        ("get", f"{base}{person}/", {}),
        ("post", f"{base}{person}/", {}),
        ("get", f"{base}{person}/undo/", {}),
        ("post", f"{base}{person}/undo/", {}),
    ]


def assert_nothing_changed(invitee) -> None:
    assert CheckIn.objects.filter(person=invitee.person).count() == 1  # not undone
    assert not Person.objects.filter(name_en="Sim Chantha").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, invitee):
    for method, url, data in requests(invitee):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith("/en/accounts/login/"), (method, url)
    assert_nothing_changed(invitee)


@pytest.mark.parametrize("who", ["participant", "other_organiser"])
@pytest.mark.parametrize("htmx", [False, True])
def test_others_get_nothing(client, invitee, request, who, htmx):
    client.force_login(request.getfixturevalue(who))
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    for method, url, data in requests(invitee):
        response = getattr(client, method)(url, data, **headers)
        assert response.status_code in (403, 404), (method, url, response.status_code)
        assert b"Oum Sothea" not in response.content, (method, url)
    assert_nothing_changed(invitee)


def test_an_invitation_only_meeting_stays_hidden(client, invitee, demo_meeting, other_organiser):
    demo_meeting.visibility = demo_meeting.Visibility.INVITATION
    demo_meeting.save()
    client.force_login(other_organiser)
    for method, url, data in requests(invitee):
        assert getattr(client, method)(url, data).status_code == 404, (method, url)


def test_the_meetings_organisers_get_in(organiser_client, invitee):
    for method, url, data in requests(invitee):
        response = getattr(organiser_client, method)(url, data)
        assert response.status_code in (200, 302), (method, url, response.status_code)
