"""Who reaches which Q&A page. The URLs are read from the URLconf, so a new Q&A screen is covered
as soon as it exists: every GET and POST by someone without the right answers 302 (to sign in),
403 or 404, shows nothing of the questions, and changes nothing."""

import pytest
from django.urls import reverse
from django.utils import translation

from sala.core.models import AuditEntry
from sala.participation import urls, urls_manage
from sala.participation.models import Question, QuestionBoard, QuestionVote
from sala.participation.services import questions as services
from tests.factories import UserFactory

from .questions_support import make_room

pytestmark = pytest.mark.django_db
SECRET = "Secret question about Article 28"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def room(db):
    room = make_room()
    room.question = services.ask_question(item=room.item, text=SECRET, author=room.asker, rate_keys=[])
    return room


@pytest.fixture
def other(room):
    return make_room("other-meeting")


def routes(module, namespace: str, prefix: str, **values) -> list[str]:
    found = []
    for pattern in module.urlpatterns:
        if pattern.name.startswith(prefix):
            kwargs = {name: values[name] for name in pattern.pattern.converters}
            found.append(reverse(f"{namespace}:{pattern.name}", kwargs=kwargs))
    return found


def organiser_urls(room, item=None) -> list[str]:
    item = item or room.item
    return routes(urls_manage, "participation_manage", "questions", slug=room.meeting.slug, item_pk=item.pk,
                  pk=room.question.pk, action="hide")  # fmt: skip


def post_data(room) -> dict:
    return {"text": "x", "is_open": "", "into": room.question.pk}


def state():
    return (
        list(Question.objects.order_by("pk").values_list("status", "votes", "text")),
        list(QuestionBoard.objects.values_list("is_open", "pre_moderation", "version", "activity")),
        QuestionVote.objects.count(),
        AuditEntry.objects.count(),
    )


def assert_locked_out(client, urls_: list[str], data: dict, statuses: set[int]) -> None:
    before = state()
    assert urls_
    for url in urls_:
        for method in (client.get, client.post):
            response = method(url, data)
            assert response.status_code in statuses, (method.__name__, url, response.status_code)
            assert SECRET not in response.content.decode(errors="replace"), url
    assert state() == before


def test_anonymous_visitors_are_sent_to_sign_in(client, room):
    assert_locked_out(client, organiser_urls(room), post_data(room), {302})
    response = client.get(organiser_urls(room)[0])
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("who", ["participant", "other_organiser"])
def test_a_participant_account_or_another_consultations_organiser_gets_nothing(client, room, who, other):
    user = UserFactory() if who == "participant" else other.organiser
    client.force_login(user)
    assert_locked_out(client, organiser_urls(room), post_data(room), {403, 404})


def test_the_organiser_gets_every_screen(client, room):
    client.force_login(room.organiser)
    for url in organiser_urls(room):
        assert client.get(url).status_code in {200, 405}, url  # moderate and settings: POST only


def test_an_organiser_cannot_reach_an_item_of_another_meeting_through_their_own(client, room, other):
    client.force_login(room.organiser)
    mixed = [url for url in organiser_urls(room, other.item) if f"/{other.item.pk}/" in url]
    assert_locked_out(client, mixed, post_data(room), {404, 405})


def participant_urls(room, link, item) -> list[str]:
    return routes(urls, "participation", "questions", token=link.token, item_pk=item.pk, pk=room.question.pk)


def test_another_meetings_participant_gets_404_on_this_item(client, room, other):
    for link, item in ((other.asker_link, room.item), (room.asker_link, other.item)):
        page, _live, upvote = participant_urls(room, link, item)
        assert client.get(page).status_code == 404
        assert client.post(page, {"text": "x"}).status_code == 404  # asking
        assert client.post(upvote).status_code == 404
        # the other method of each: 404, or 405 for a method the page does not take
        assert_locked_out(client, participant_urls(room, link, item), post_data(room), {404, 405})
    unknown = type("Link", (), {"token": "unknown"})
    assert_locked_out(client, participant_urls(room, unknown, room.item), post_data(room), {404})


def test_a_participant_reaches_every_item_of_their_meeting(client, room):
    for item in (room.item, room.other_item):
        assert client.get(participant_urls(room, room.voter_link, item)[0]).status_code == 200


def test_a_participant_cannot_upvote_a_question_of_another_item_through_this_one(client, room):
    elsewhere = services.ask_question(item=room.other_item, text="Other item", author=None, rate_keys=[])
    url = reverse("participation:questions_upvote", args=[room.voter_link.token, room.item.pk, elsewhere.pk])
    assert client.post(url).status_code == 404
    assert not QuestionVote.objects.exists()


def facilitator_urls(room, token: str) -> list[str]:
    return routes(urls, "participation", "facilitator_", token=token, pk=room.question.pk, action="hide")


def test_the_facilitator_link_of_another_item_cannot_moderate_this_one(client, room, other):
    before = state()
    elsewhere = type(room.facilitator).objects.create(item=room.other_item, person=room.facilitator.person)
    for link in (elsewhere, other.facilitator):
        for action in ("hide", "answer", "merge"):
            url = reverse("participation:facilitator_moderate", args=[link.token, room.question.pk, action])
            assert client.post(url, post_data(room)).status_code == 404
        queue = reverse("participation:facilitator_queue", args=[link.token])
        assert SECRET not in client.get(queue).content.decode()
    assert state() == before


def test_unknown_or_declined_facilitator_links_get_404(client, room):
    assert_locked_out(client, facilitator_urls(room, "unknown"), post_data(room), {404})
    room.facilitator.status = "declined"
    room.facilitator.save()
    assert_locked_out(client, facilitator_urls(room, room.facilitator.token), post_data(room), {404})


def test_the_facilitator_reaches_their_screens_privately(client, room):
    for url in facilitator_urls(room, room.facilitator.token):
        response = client.get(url)
        assert response.status_code in {200, 405}, url
        assert response["Referrer-Policy"] == "same-origin" and "no-store" in response["Cache-Control"]
