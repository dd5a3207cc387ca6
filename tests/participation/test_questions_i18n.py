"""The Q&A pages in Khmer show no English of their own (only the data's: questions, names, titles).

These pass once the lead has translated the new strings into the Khmer catalogue.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from sala.demo.questions_loader import first_session, load_questions
from sala.participation.models import Question
from tests.core.test_i18n import data_words, get, latin_words, post, stray_words

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def assert_khmer(pages: dict[str, str]) -> None:
    allowed = data_words()
    for text in Question.objects.values_list("text", flat=True):
        allowed |= latin_words(text)  # questions are shown as they were asked
    stray = stray_words(pages, allowed)
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"


@pytest.fixture
def session(demo_meeting):
    load_questions(demo_meeting)
    return first_session(demo_meeting)


def km(name: str, *args) -> str:
    with translation.override("km"):
        return reverse(name, args=args)


def test_participant_pages_are_all_khmer(client, demo_meeting, session):
    invitation = demo_meeting.invitations.filter(person__questions__isnull=False).first()
    page = km("participation:questions", invitation.token, session.pk)
    answered = Question.objects.filter(board__item=session, status="answered").first()
    pages = {
        page: get(client, page),
        "by time": get(client, page + "?sort=time"),
        "live": get(client, page + "live/"),
        "ask: empty": post(client, page, {"text": " "}, 422),
    }
    response = client.post(page, {"text": "សំណួរថ្មី", "anonymous": "on"}, **HTMX)
    pages["ask: htmx"] = response.content.decode()
    upvote = f"{page}{answered.pk}/upvote/"
    response = client.post(upvote, follow=True)
    pages["upvote refused"] = response.content.decode()
    response = client.post(upvote, **HTMX)
    pages["upvote refused: htmx"] = response.content.decode()
    other = km("participation:questions", invitation.token, demo_meeting.agenda_items.last().pk)
    pages["item without questions"] = get(client, other)
    assert_khmer(pages)


def test_moderator_and_projector_pages_are_all_khmer(client, organiser, demo_meeting, session):
    client.force_login(organiser)
    queue = km("participation_manage:questions_queue", demo_meeting.slug, session.pk)
    waiting = Question.objects.get(board__item=session, status="pending")
    pages = {url: get(client, url) for url in [
        km("participation_manage:questions", demo_meeting.slug),
        queue,
        queue + "live/",
        queue + "projector/",
        queue + "projector/live/",
    ]}  # fmt: skip
    response = client.post(f"{queue}{waiting.pk}/merge/", **HTMX)
    pages["merge without a choice"] = response.content.decode()
    response = client.post(f"{queue}{waiting.pk}/approve/", follow=True)
    pages["approved"] = response.content.decode()
    response = client.post(queue + "settings/", {"is_open": "on"}, follow=True)
    pages["settings saved"] = response.content.decode()
    client.logout()
    facilitator = session.facilitators.first()
    for name in ("facilitator_queue", "facilitator_queue_live", "facilitator_projector"):
        url = km(f"participation:{name}", facilitator.token)
        pages[url] = get(client, url)
    assert_khmer(pages)
