"""Giving inputs through the personal invitation link, and with an account."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sala.participation import services
from sala.participation.models import Input
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_the_draft_article_by_article(client, invitation, articles):
    response = client.get(f"/en/i/{invitation.token}/inputs/")
    assert "no-cache" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert "Chapter 2: Competent authority" in html
    assert "Article 4: Content offences" in html and "<details>" in html
    assert f"/en/i/{invitation.token}/inputs/add/?article={articles['4'].pk}" in html
    assert "Give an input on the text as a whole" in html
    assert "You have not given an input with your name yet." in html


def test_a_named_input_is_listed_back_and_withdrawn(client, invitation, articles, person):
    url = f"/en/i/{invitation.token}/inputs/add/?article={articles['4'].pk}"
    assert "deemed to hinder the sovereignty" in page(client, url)  # the article, to read while writing
    data = {
        "article": articles["4"].pk,
        "concern": "expression",
        "comment": "“Deemed to hinder” is too vague.",
        "proposed_wording": "",
        "for_organisation": "on",
        "show_author": "on",
    }
    response = client.post(url, data, follow=True)
    given = Input.objects.get()
    assert (given.author, given.organisation, given.show_author, given.channel) == (
        person,
        person.organisation,
        True,
        "online",
    )
    html = response.content.decode()
    assert "Your input is recorded with your name" in html
    assert "“Deemed to hinder” is too vague." in html and "may be named in the published account" in html
    withdraw = f"/en/i/{invitation.token}/inputs/{given.pk}/withdraw/"
    assert withdraw in html
    assert "cannot be undone" in page(client, withdraw)
    client.post(withdraw)
    assert not Input.objects.exists()


def test_an_anonymous_input_is_not_listed_back(client, invitation, articles):
    data = {
        "article": "",
        "concern": "privacy",
        "comment": "Remove the whole text.",
        "anonymous": "on",
        "show_author": "on",
        "for_organisation": "",
    }
    response = client.post(f"/en/i/{invitation.token}/inputs/add/", data, follow=True)
    given = Input.objects.get()
    assert (given.author, given.article, given.show_author, given.organisation) == (None, None, False, None)
    html = response.content.decode()
    assert "recorded without your name" in html and "Remove the whole text." not in html
    assert "Inputs you gave anonymously are not" in html


def test_a_refused_input_keeps_what_was_typed(client, invitation, consultation):
    consultation.inputs_open_until = timezone.now() - timedelta(seconds=1)
    consultation.save()
    html = page(client, f"/en/i/{invitation.token}/inputs/")
    assert "Inputs are closed." in html and "/inputs/add/" not in html
    response = client.post(
        f"/en/i/{invitation.token}/inputs/add/", {"concern": "other", "comment": "Kept text"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Inputs on this draft are not open now." in html and "Kept text" in html


def test_someone_elses_input_cannot_be_withdrawn(client, invitation, consultation, articles):
    other = services.give_input(
        consultation=consultation,
        concern="other",
        comment="x",
        channel="online",
        anonymous=False,
        author=PersonFactory(),
    )
    assert client.get(f"/en/i/{invitation.token}/inputs/{other.pk}/withdraw/").status_code == 404
    assert client.post(f"/en/i/{invitation.token}/inputs/{other.pk}/withdraw/").status_code == 404
    assert Input.objects.count() == 1


def test_unknown_tokens_get_nothing(client, consultation):
    for url in ["/en/i/nope/inputs/", "/en/i/nope/inputs/add/", "/en/i/nope/inputs/1/withdraw/"]:
        assert client.get(url).status_code == 404
        assert client.post(url, {"concern": "other", "comment": "x"}).status_code == 404
    assert not Input.objects.exists()


def test_an_account_gives_unattributed_inputs(client, participant, consultation, articles, organisation):
    url = f"/en/consultations/{consultation.slug}/give-input/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(participant)
    html = page(client, url)
    assert "not linked to the account" in html and "My inputs" not in html
    data = {
        "article": articles["3"].pk,
        "concern": "powers",
        "comment": "Judicial oversight is missing.",
        "organisation": organisation.pk,
    }
    response = client.post(url + "add/", data)
    assert response.status_code == 302
    given = Input.objects.get()
    assert (given.author, given.entered_by, given.organisation, given.article) == (
        None,
        None,
        organisation,
        articles["3"],
    )


def test_an_account_sees_only_consultations_with_a_meeting_it_may_see(
    client, participant, consultation, meeting
):
    meeting.visibility = "invitation"
    meeting.save()
    client.force_login(participant)
    assert client.get(f"/en/consultations/{consultation.slug}/give-input/").status_code == 404
    assert client.get("/en/consultations/nope/give-input/").status_code == 404
