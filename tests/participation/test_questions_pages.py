"""The Q&A pages: asking and upvoting with and without htmx, moderation by an organiser and by
the facilitator's link, the projector, and the live blocks' conditional requests (200, then
304 with no body for the same ETag; the participant's ETag ignores upvotes, the projector's
and the moderator's follow them)."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from sala.meetings.models import Material
from sala.participation.models import Question, QuestionBoard, QuestionVote
from sala.participation.services import questions as services
from tests.factories import PersonFactory

from .questions_support import make_room

pytestmark = pytest.mark.django_db
Status = Question.Status
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def room(db):
    return make_room()


@pytest.fixture(autouse=True)
def english():
    """URLs reversed in English, whatever language the previous request left active."""
    with translation.override("en"):
        yield


def page(room, link=None) -> str:
    return reverse("participation:questions", args=[(link or room.asker_link).token, room.item.pk])


def manage(room, name: str = "queue", *args) -> str:
    return reverse(f"participation_manage:questions_{name}", args=[room.meeting.slug, room.item.pk, *args])


def facilitator(room, name: str = "queue", *args) -> str:
    return reverse(f"participation:facilitator_{name}", args=[room.facilitator.token, *args])


def upvote(room, question) -> str:
    return reverse("participation:questions_upvote", args=[room.voter_link.token, room.item.pk, question.pk])


def ask(room, text="Who decides what is false?", **kwargs) -> Question:
    return services.ask_question(item=room.item, text=text, author=None, rate_keys=[], **kwargs)


def poll(client, url: str, etag: str | None = None):
    return client.get(url, **({"HTTP_IF_NONE_MATCH": etag} if etag else {}))


# Participants --------------------------------------------------------------------------------


def test_a_participant_asks_anonymously_without_javascript(client, room):
    response = client.post(page(room), {"text": "  Why Article 28?  ", "anonymous": "on"})
    assert response.status_code == 302 and response["Location"] == page(room) + "?sort=votes"
    question = Question.objects.get()
    assert (question.text, question.author, question.status) == ("Why Article 28?", None, Status.APPROVED)
    html = client.get(response["Location"]).content.decode()
    assert "Your question is in the list, without your name." in html
    assert "Why Article 28?" in html and "Anonymous" in html
    assert response.get("Referrer-Policy") == "same-origin" and "no-store" in response["Cache-Control"]


def test_a_named_question_waits_for_approval_and_only_its_author_sees_it(client, room):
    services.set_board(board=services.board_for(room.item), is_open=True, pre_moderation=True,
                       actor=room.organiser)  # fmt: skip
    response = client.post(page(room), {"text": "Named and waiting"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "waits for a moderator" in html and 'hx-swap-oob="true"' in html
    assert "Named and waiting" in html  # in "my questions waiting"
    assert Question.objects.get().author == room.asker
    assert "Named and waiting" not in client.get(page(room, room.voter_link)).content.decode()


def test_a_refused_question_keeps_its_text_and_says_why(client, room):
    services.set_board(board=services.board_for(room.item), is_open=False, pre_moderation=False,
                       actor=room.organiser)  # fmt: skip
    for extra in ({}, HTMX):
        response = client.post(page(room), {"text": "Kept text"}, **extra)
        assert response.status_code == 422
        html = response.content.decode()
        assert "Questions on this session are closed." in html and "Kept text" in html
    assert client.post(page(room), {"text": "   "}).status_code == 422
    assert not Question.objects.exists()


def test_the_address_limit_answers_with_the_reason(client, room, settings):
    settings.SALA_QUESTION_LIMIT_PER_ADDRESS = 1
    assert client.post(page(room), {"text": "One"}).status_code == 302
    response = client.post(page(room, room.voter_link), {"text": "Two"}, REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 422
    assert "Many questions are coming from your network" in response.content.decode()
    assert Question.objects.count() == 1


def test_upvote_with_and_without_htmx_and_take_it_back(client, room):
    question = ask(room)
    url = upvote(room, question)
    response = client.post(url, {"sort": "time"})
    assert response.status_code == 302 and response["Location"].endswith(f"?sort=time#question-{question.pk}")
    assert QuestionVote.objects.filter(question=question, person=room.voter).count() == 1
    response = client.post(url, **HTMX)  # a second tap: still one; the answer is the button alone
    assert response.status_code == 200 and response.content.decode().lstrip().startswith("<form")
    assert Question.objects.get().votes == 1
    assert (
        'aria-pressed="true"' in response.content.decode()
        and '<span class="qa-count">1</span>' in response.content.decode()
    )
    response = client.post(url, {"withdraw": "1"}, **HTMX)
    assert Question.objects.get().votes == 0 and 'aria-pressed="false"' in response.content.decode()


def test_upvoting_an_answered_question_says_why(client, room):
    question = ask(room)
    services.mark_answered(question=question, actor=room.organiser)
    response = client.post(upvote(room, question), **HTMX)
    assert response.status_code == 422 and "can be upvoted" in response.content.decode()
    question.pk += 1000
    assert client.post(upvote(room, question)).status_code == 404
    assert not QuestionVote.objects.exists()


def test_question_text_is_plain_and_links_are_not_clickable(client, room):
    ask(room, text='<script>alert(1)</script> see https://example.org/x "quoted"')
    for url in (page(room), manage(room, "projector")):
        client.force_login(room.organiser)
        html = client.get(url).content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
        assert 'href="https://example.org' not in html


# Polling -----------------------------------------------------------------------------------


def test_participant_block_answers_304_until_a_visible_change_and_ignores_upvotes(client, room):
    question = ask(room)
    live = page(room) + "live/?sort=votes"
    first = poll(client, live)
    assert first.status_code == 200 and first["ETag"] and "Who decides" in first.content.decode()
    unchanged = poll(client, live, first["ETag"])
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged["ETag"] == first["ETag"]
    services.upvote_question(question=question, person=room.voter)
    assert poll(client, live, first["ETag"]).status_code == 304  # upvotes wait for a visible change
    reloaded = client.get(page(room)).content.decode()  # ...or a reload, as the page says
    assert '<span class="qa-count">1</span>' in reloaded
    assert poll(client, page(room) + "live/?sort=time", first["ETag"]).status_code == 200  # other sort
    ask(room, text="A second question")
    changed = poll(client, live, first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "A second question" in changed.content.decode()
    assert poll(client, "/km" + live[3:], changed["ETag"]).status_code == 200  # another language


def test_the_shared_list_carries_each_phones_own_parts(client, room):
    """The list is rendered once for every phone; each gets its own link, CSRF token, upvotes
    and waiting questions filled in, and nothing of another's."""
    question = ask(room)
    services.set_board(board=services.board_for(room.item), is_open=True, pre_moderation=True,
                       actor=room.organiser)  # fmt: skip
    services.ask_question(item=room.item, text="Mine, waiting", author=room.voter, rate_keys=[])
    services.upvote_question(question=question, person=room.voter)
    voter = poll(client, page(room, room.voter_link) + "live/").content.decode()
    asker = poll(client, page(room) + "live/").content.decode()
    assert room.voter_link.token in voter and room.asker_link.token not in voter
    assert 'aria-pressed="true"' in voter and "Mine, waiting" in voter
    assert room.asker_link.token in asker and room.voter_link.token not in asker
    assert 'aria-pressed="true"' not in asker and "Mine, waiting" not in asker
    for html in (voter, asker):
        assert re.search(r'name="csrfmiddlewaretoken" value="\w{64}"', html)
        assert not re.search(r"sala[0-9a-f]{24}", html)  # every mark filled


def test_an_unchanged_block_costs_no_query(client, room, django_assert_num_queries):
    for n in range(20):
        ask(room, text=f"Question {n}")
    live = page(room) + "live/"
    etag = poll(client, live)["ETag"]
    cache.clear()
    with django_assert_num_queries(2):  # the link's ids and the board's version, then kept in the cache
        assert poll(client, live, etag).status_code == 304
    with django_assert_num_queries(0):
        assert poll(client, live, etag).status_code == 304
    ask(room, text="One more")  # a visible change: the cached version is forgotten at once
    with django_assert_num_queries(5):  # the version; the list rendered (item, board, questions); own parts
        assert poll(client, live, etag).status_code == 200
    with django_assert_num_queries(2):  # another phone: its link's ids, its own parts; the list is shared
        assert poll(client, page(room, room.voter_link) + "live/", etag).status_code == 200
    client.force_login(room.organiser)
    etag = poll(client, manage(room, "projector_live"))["ETag"]
    with django_assert_num_queries(6):  # session, user, meeting, permission, item, counters
        assert poll(client, manage(room, "projector_live"), etag).status_code == 304


def test_projector_and_moderator_follow_every_upvote(client, room):
    question = ask(room)
    client.force_login(room.organiser)
    for live in (manage(room, "projector_live"), manage(room, "queue_live"), facilitator(room, "queue_live")):
        first = poll(client, live)
        assert first.status_code == 200
        assert poll(client, live, first["ETag"]).status_code == 304
        assert poll(client, live, first["ETag"]).content == b""
        services.upvote_question(question=question, person=PersonFactory())
        changed = poll(client, live, first["ETag"])
        assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_pending_question_reaches_the_moderator_not_the_phones(client, room):
    services.set_board(board=services.board_for(room.item), is_open=True, pre_moderation=True,
                       actor=room.organiser)  # fmt: skip
    client.force_login(room.organiser)
    phone = poll(client, page(room) + "live/")
    queue = poll(client, manage(room, "queue_live"))
    ask(room, text="Waiting one")
    assert poll(client, page(room) + "live/", phone["ETag"]).status_code == 304
    changed = poll(client, manage(room, "queue_live"), queue["ETag"])
    assert changed.status_code == 200 and "Waiting one" in changed.content.decode()


# Moderation --------------------------------------------------------------------------------


def test_the_organiser_moderates_with_and_without_htmx(client, room):
    client.force_login(room.organiser)
    services.set_board(board=services.board_for(room.item), is_open=True, pre_moderation=True,
                       actor=room.organiser)  # fmt: skip
    one, two = ask(room, text="First one"), ask(room, text="Same as the first")
    response = client.post(manage(room, "moderate", one.pk, "approve"))
    assert response.status_code == 302 and response["Location"] == manage(room)
    response = client.post(manage(room, "moderate", two.pk, "merge"), **HTMX)
    assert (
        response.status_code == 422 and "Choose the question to merge it into." in response.content.decode()
    )
    response = client.post(manage(room, "moderate", two.pk, "merge"), {"into": one.pk}, **HTMX)
    assert response.status_code == 200 and response["ETag"]
    two.refresh_from_db()
    assert (two.status, two.merged_into) == (Status.HIDDEN, one)
    client.post(manage(room, "moderate", one.pk, "answer"))
    assert Question.objects.get(pk=one.pk).status == Status.ANSWERED
    assert client.post(manage(room, "moderate", one.pk, "delete")).status_code == 404
    html = client.get(manage(room)).content.decode()
    assert "merged into “First one”" in html


def test_the_organiser_changes_the_settings(client, room):
    client.force_login(room.organiser)
    response = client.post(manage(room, "settings"), {"pre_moderation": "on"})
    assert response.status_code == 302
    board = QuestionBoard.objects.get()
    assert (board.is_open, board.pre_moderation) == (False, True)
    html = client.get(manage(room)).content.decode()
    assert "Questions are closed." in html and "Each question waits for approval." in html


def test_the_facilitator_moderates_their_item_and_sees_its_materials(client, room):
    question = ask(room)
    slides = Material.objects.create(
        item=room.item, title="Key findings (slides)", file="materials/x.pdf", filename="findings.pdf",
        content_type="application/pdf", size=2_400_000,
    )  # fmt: skip
    html = client.get(facilitator(room)).content.decode()
    assert "Who decides what is false?" in html and "Settings" not in html
    href = reverse("meetings:facilitator_material", args=[room.facilitator.token, slides.pk, "findings.pdf"])
    assert f'<a href="{href}">Key findings (slides)</a>' in html
    client.force_login(room.organiser)
    href = reverse("meetings:material", args=[room.meeting.slug, slides.pk, "findings.pdf"])
    assert f'<a href="{href}">Key findings (slides)</a>' in client.get(manage(room)).content.decode()
    client.logout()
    response = client.post(facilitator(room, "moderate", question.pk, "answer"))
    assert response.status_code == 302 and response["Location"] == facilitator(room)
    assert Question.objects.get().status == Status.ANSWERED
    assert client.get(facilitator(room, "projector")).status_code == 200


def test_the_items_page_counts_questions_per_item(client, room):
    ask(room)
    client.force_login(room.organiser)
    response = client.get(reverse("participation_manage:questions", args=[room.meeting.slug]))
    html = response.content.decode()
    assert response.status_code == 200 and "Session 1: Presentations" in html and "Group work" in html
    assert manage(room) in html and manage(room, "projector") in html


def test_the_projector_shows_the_top_ten_by_votes_and_marks_the_answered(client, room):
    questions = [ask(room, text=f"Question number {n}") for n in range(12)]
    for n, question in enumerate(questions[:3]):
        for _ in range(3 - n):
            services.upvote_question(question=question, person=PersonFactory())
    services.mark_answered(question=questions[11], actor=room.organiser)
    client.force_login(room.organiser)
    html = client.get(manage(room, "projector")).content.decode()
    assert html.count('class="projector-question"') == 10
    assert html.index("Question number 0") < html.index("Question number 1") < html.index("Question number 2")
    assert "Question number 10" not in html.split("projector-answered")[0]
    assert "✓ Answered" in html and "Question number 11" in html.split("projector-answered")[1]


def test_a_poll_with_an_etag_still_checks_the_link_and_the_item(client, room):
    """The quick answer to an unchanged poll is given only to a holder of a link to this meeting."""
    live = page(room) + "live/"
    etag = poll(client, live)["ETag"]
    other = make_room(slug="another-meeting")
    elsewhere = reverse("participation:questions_live", args=[other.asker_link.token, room.item.pk])
    assert poll(client, elsewhere, etag).status_code == 404
    unknown = reverse("participation:questions_live", args=["no-such-link", room.item.pk])
    assert poll(client, unknown, etag).status_code == 404
    question = ask(room)  # the quick way of an upvote by htmx checks them too
    args = [room.item.pk, question.pk]
    for token in (other.asker_link.token, "no-such-link"):
        url = reverse("participation:questions_upvote", args=[token, *args])
        assert client.post(url, **HTMX).status_code == 404
    assert not QuestionVote.objects.exists()
