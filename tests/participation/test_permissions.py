"""Inputs and who gave them are for the consultation's organisers only. The URLs are read from
the URLconf, so a new screen is covered as soon as it exists."""

import pytest
from django.urls import URLPattern, reverse

from sala.attendance.services import invite_people
from sala.core.models import AuditEntry
from sala.participation import services, urls, urls_manage
from sala.participation.models import Input
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def given(consultation, person, inputs_organiser, articles):
    return services.give_input(
        consultation=consultation,
        article=articles["1"],
        concern="other",
        comment="Secret comment",
        channel="paper",
        anonymous=False,
        author=person,
        entered_by=inputs_organiser,
    )


INPUT_ROUTES = ("inputs/", "give-input/")  # Q&A, materials and groups have permission tests of their own


def urls_of(module, namespace: str, **values) -> list[str]:
    found = []
    for pattern in module.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if not any(route in str(pattern.pattern) for route in INPUT_ROUTES):
            continue
        kwargs = {name: values[name] for name in pattern.pattern.converters}
        found.append(reverse(f"{namespace}:{pattern.name}", kwargs=kwargs))
    return found


def state():
    return Input.objects.count(), AuditEntry.objects.count()


def assert_locked_out(client, consultation, given, statuses):
    before = state()
    for url in urls_of(urls_manage, "participation_manage", slug=consultation.slug, pk=given.pk):
        for method in (client.get, client.post):
            response = method(url, {"draft": consultation.draft_id, "confirm": "yes", "comment": "x"})
            assert response.status_code in statuses, (method.__name__, url, response.status_code)
            body = response.content.decode(errors="replace")
            assert "Secret comment" not in body and "Vongsavath" not in body, url
    assert state() == before


def test_anonymous_visitors_are_sent_to_sign_in(client, consultation, given):
    assert_locked_out(client, consultation, given, {302})


def test_a_participant_with_an_account_gets_nothing(client, participant, consultation, given):
    client.force_login(participant)
    assert_locked_out(client, consultation, given, {403, 404})


def test_an_organiser_of_another_consultation_gets_nothing(client, other_organiser, consultation, given):
    client.force_login(other_organiser)
    assert_locked_out(client, consultation, given, {403, 404})


def test_the_organiser_gets_every_screen(client, inputs_organiser, consultation, given):
    client.force_login(inputs_organiser)
    for url in urls_of(urls_manage, "participation_manage", slug=consultation.slug, pk=given.pk):
        assert client.get(url).status_code in {200, 405}, url  # placing is a POST only
    assert len(urls_manage.urlpatterns) >= 6


def test_personal_pages_need_a_known_token(client, consultation, given):
    for url in urls_of(urls, "participation", token="unknown", slug=consultation.slug, pk=given.pk):
        if "/i/" in url:
            assert client.get(url).status_code == 404
            assert client.post(url, {"concern": "other", "comment": "x"}).status_code == 404


def test_account_pages_need_a_sign_in(client, consultation, given):
    before = state()
    for url in urls_of(urls, "participation", token="unknown", slug=consultation.slug, pk=given.pk):
        if "/i/" not in url:
            assert client.get(url).status_code == 302
            assert client.post(url, {"concern": "other", "comment": "x"}).status_code == 302
    assert state() == before


def test_an_invitee_reaches_only_their_own_inputs(client, invitation, given, consultation):
    other = services.give_input(
        consultation=consultation,
        concern="other",
        comment="x",
        channel="online",
        anonymous=False,
        author=given.author,
    )
    stranger = invite_people(meeting=consultation.meetings.get(), people=[PersonFactory()], actor=None)[0]
    html = client.get(f"/en/i/{stranger.token}/inputs/").content.decode()
    assert "Secret comment" not in html
    assert client.get(f"/en/i/{stranger.token}/inputs/{other.pk}/withdraw/").status_code == 404
    assert "Secret comment" in client.get(f"/en/i/{invitation.token}/inputs/").content.decode()
