"""The Q&A services: statuses with and without pre-moderation, plain text, a closed board, rate
limits per person and per address, upvotes once per person, merges, moderation rights, and the
board's two counters (what phones, the moderator and the projector follow)."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import translation

from sala.core import limits
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.participation.models import Question, QuestionBoard, QuestionVote
from sala.participation.queries import questions as queries
from sala.participation.services import questions as services
from tests.factories import PersonFactory, UserFactory

from .questions_support import make_room

pytestmark = pytest.mark.django_db
Status = Question.Status


@pytest.fixture
def room(db):
    return make_room()


def ask(room, text="Who decides what is “false information”?", author=None, **kwargs) -> Question:
    return services.ask_question(item=room.item, text=text, author=author, rate_keys=[], **kwargs)


def counters(room) -> tuple[int, int]:
    return queries.board_counters(room.item.pk)


def set_board(room, *, is_open=True, pre_moderation=False):
    return services.set_board(
        board=services.board_for(room.item),
        is_open=is_open,
        pre_moderation=pre_moderation,
        actor=room.organiser,
    )


def test_without_pre_moderation_a_question_shows_at_once_and_moves_both_counters(room):
    question = ask(room, author=room.asker)
    assert (question.status, question.author, question.votes) == (Status.APPROVED, room.asker, 0)
    assert counters(room) == (1, 1)
    assert not AuditEntry.objects.filter(action__startswith="question").exists()  # asking is not audited


def test_with_pre_moderation_a_question_waits_and_only_the_activity_moves(room):
    set_board(room, pre_moderation=True)
    before = counters(room)
    question = ask(room)
    assert question.status == Status.PENDING
    assert counters(room) == (before[0], before[1] + 1)  # phones see nothing new; the moderator does
    services.approve_question(question=question, actor=room.organiser)
    assert Question.objects.get().status == Status.APPROVED
    assert counters(room) == (before[0] + 1, before[1] + 2)


def test_the_board_is_made_once_with_the_default_settings(room):
    assert queries.board_of(room.item).pk is None  # reading makes nothing
    board = services.board_for(room.item)
    assert services.board_for(room.item) == board
    assert (board.is_open, board.pre_moderation, board.version, board.activity) == (True, False, 0, 0)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Why   so broad?\r\n\tArticle 28 \n", "Why so broad? Article 28"),
        ("Who\x00 decides\x1b[31m?", "Who decides[31m?"),
        ("\u202eevil\u202c text", "evil text"),
        ("<b>Bold</b> & <i>x</i>", "<b>Bold</b> & <i>x</i>"),  # plain text: escaped when shown
        ("តើអ្នកណាជាអ្នកសម្រេច?", "តើអ្នកណាជាអ្នកសម្រេច?"),
    ],
)
def test_questions_are_one_paragraph_of_plain_text(room, typed, stored):
    assert ask(room, text=typed).text == stored


@pytest.mark.parametrize(("text", "code"), [("", "question.empty"), (" \n\x07 ", "question.empty"),
                                            ("x" * 501, "question.too_long")])  # fmt: skip
def test_empty_or_long_questions_are_refused_in_the_users_language(room, text, code):
    with pytest.raises(DomainError) as error:
        ask(room, text=text)
    assert error.value.code == code
    assert not Question.objects.exists()
    assert ask(room, text="x" * 500).text == "x" * 500


def test_a_closed_board_refuses_questions(room):
    set_board(room, is_open=False)
    with pytest.raises(DomainError) as error:
        ask(room)
    assert error.value.code == "question.closed"
    assert not Question.objects.exists()


@pytest.fixture
def one_minute(monkeypatch):
    """The clock of the rate limits stands still: the test never straddles two windows."""
    monkeypatch.setattr(limits, "time", SimpleNamespace(time=lambda: 1_402_000_000.0))


def test_rate_limit_per_person(room, settings, one_minute):
    settings.SALA_QUESTION_LIMIT_PER_PERSON = 3
    for n in range(3):
        services.ask_question(item=room.item, text=f"Q{n}", author=None, rate_keys=["person:1", "address:a"])
    with pytest.raises(DomainError) as error:
        services.ask_question(item=room.item, text="Q4", author=None, rate_keys=["person:1", "address:a"])
    assert error.value.code == "question.too_many" and "3" in error.value.message
    services.ask_question(item=room.item, text="Q5", author=None, rate_keys=["person:2", "address:a"])
    assert Question.objects.count() == 4
    keys = [str(key) for key in getattr(cache, "_cache", {})]
    assert len(keys) == 3  # person 1, person 2 and the address, this minute: hashed, not in clear
    assert not any(sender in key for sender in ("person:", ":a:", "address:a") for key in keys)


def test_rate_limit_per_address_holds_many_people_on_one_address(room, settings, one_minute):
    settings.SALA_QUESTION_LIMIT_PER_ADDRESS = 4
    for n in range(4):
        services.ask_question(
            item=room.item, text=f"Q{n}", author=None, rate_keys=[f"person:{n}", "address:b"]
        )
    with pytest.raises(DomainError) as error:
        services.ask_question(item=room.item, text="Q", author=None, rate_keys=["person:9", "address:b"])
    assert error.value.code == "question.too_many_from_address"
    services.ask_question(item=room.item, text="Q", author=None, rate_keys=["person:9", "address:c"])
    assert Question.objects.count() == 5


def test_an_upvote_counts_once_per_person_and_moves_only_the_activity(room):
    question = ask(room)
    before = counters(room)
    assert services.upvote_question(question=question, person=room.voter) is True
    assert services.upvote_question(question=question, person=room.voter) is False
    assert services.upvote_question(question=question, person=room.asker) is True
    question.refresh_from_db()
    assert question.votes == 2 == QuestionVote.objects.filter(question=question).count()
    assert counters(room) == (before[0], before[1] + 2)  # no visible change for the phones
    assert not AuditEntry.objects.filter(action__startswith="question").exists()  # nor audited


def test_an_upvote_taken_back(room):
    question = ask(room)
    services.upvote_question(question=question, person=room.voter)
    assert services.withdraw_upvote(question=question, person=room.voter) is True
    assert services.withdraw_upvote(question=question, person=room.voter) is False
    question.refresh_from_db()
    assert question.votes == 0 and not QuestionVote.objects.exists()


@pytest.mark.parametrize("status", [Status.PENDING, Status.ANSWERED, Status.HIDDEN])
def test_only_open_questions_can_be_upvoted(room, status):
    question = ask(room)
    Question.objects.filter(pk=question.pk).update(status=status)
    with pytest.raises(DomainError) as error:
        services.upvote_question(question=question, person=room.voter)
    assert error.value.code == "question.not_open_for_votes"
    assert not QuestionVote.objects.exists()


def test_moderation_moves_both_counters_and_is_audited_with_its_moderator(room):
    question = ask(room)
    before = counters(room)
    services.mark_answered(question=question, actor=room.organiser)
    question.refresh_from_db()
    assert question.status == Status.ANSWERED and question.answered_at is not None
    services.reopen_question(question=question, facilitator=room.facilitator)
    question.refresh_from_db()
    assert (question.status, question.answered_at) == (Status.APPROVED, None)
    services.hide_question(question=question, actor=room.organiser)
    assert counters(room) == (before[0] + 3, before[1] + 3)
    entries = AuditEntry.objects.filter(action__startswith="question.").order_by("pk")
    assert [(e.action, e.actor, e.actor_label, e.scope) for e in entries] == [
        ("question.answered", room.organiser, room.organiser.username, f"meetings.meeting:{room.meeting.pk}"),
        ("question.reopened", None, "Pol Chanrithy", f"meetings.meeting:{room.meeting.pk}"),
        ("question.hidden", room.organiser, room.organiser.username, f"meetings.meeting:{room.meeting.pk}"),
    ]
    assert entries[0].target == f"participation.question:{question.pk}"
    assert entries[0].data["title"] == {"en": "Session 1: Presentations", "km": "វគ្គទី១៖ បទបង្ហាញ"}


def test_moderating_twice_changes_nothing_and_impossible_moves_are_refused(room):
    question = ask(room)
    services.approve_question(question=question, actor=room.organiser)  # approved already
    assert counters(room) == (1, 1)
    assert not AuditEntry.objects.filter(action="question.approved").exists()
    services.mark_answered(question=question, actor=room.organiser)
    with pytest.raises(DomainError) as error:  # another moderator answered it meanwhile
        services.approve_question(question=question, actor=room.organiser)
    assert error.value.code == "question.changed_meanwhile"
    with translation.override("en"):
        assert "changed this question meanwhile" in error.value.message
    assert Question.objects.get().status == Status.ANSWERED


def test_hiding_a_waiting_question_is_not_a_visible_change(room):
    set_board(room, pre_moderation=True)
    question = ask(room)
    version, activity = counters(room)
    services.hide_question(question=question, actor=room.organiser)
    assert counters(room) == (version, activity + 1)


def test_only_organisers_of_the_meeting_and_the_items_facilitator_moderate(room):
    question = ask(room)
    other = make_room("other-meeting")
    outsiders = [
        {"actor": UserFactory()},
        {"actor": other.organiser},
        {"facilitator": other.facilitator},
        {"facilitator": replace_item(room.facilitator, room.other_item)},
        {},
    ]
    for moderator in outsiders:
        with pytest.raises(PermissionDenied):
            services.hide_question(question=question, **moderator)
        with pytest.raises(PermissionDenied):
            services.merge_questions(duplicate=question, into=ask(room, "other"), **moderator)
    with pytest.raises(PermissionDenied):
        services.set_board(board=services.board_for(room.item), is_open=False, pre_moderation=True,
                           actor=other.organiser)  # fmt: skip
    room.facilitator.status = "declined"
    with pytest.raises(PermissionDenied):
        services.hide_question(question=question, facilitator=room.facilitator)
    assert Question.objects.get(pk=question.pk).status == Status.APPROVED
    assert QuestionBoard.objects.get().is_open
    assert not AuditEntry.objects.filter(action__startswith="question").exists()


def replace_item(facilitator, item):
    """The same person facilitating another item of the meeting: a different link."""
    return type(facilitator).objects.create(item=item, person=facilitator.person)


def test_merge_moves_the_upvotes_each_person_once_and_hides_the_duplicate(room):
    into, duplicate = ask(room, "Who decides what is false?"), ask(room, "Who judges false news?")
    a, b, c = PersonFactory(), PersonFactory(), PersonFactory()
    for person in (a, b):
        services.upvote_question(question=into, person=person)
    for person in (b, c, room.voter):
        services.upvote_question(question=duplicate, person=person)
    chained = ask(room, "Same again")
    services.merge_questions(duplicate=chained, into=duplicate, actor=room.organiser)
    version, activity = counters(room)

    services.merge_questions(duplicate=duplicate, into=into, facilitator=room.facilitator)

    into.refresh_from_db()
    duplicate.refresh_from_db()
    assert into.votes == 4  # a, b, c and the voter: b counts once
    assert set(QuestionVote.objects.filter(question=into).values_list("person", flat=True)) == {
        a.pk,
        b.pk,
        c.pk,
        room.voter.pk,
    }
    assert (duplicate.status, duplicate.merged_into, duplicate.votes) == (Status.HIDDEN, into, 0)
    assert not QuestionVote.objects.filter(question=duplicate).exists()
    assert Question.objects.get(pk=chained.pk).merged_into == into  # no chain through a hidden question
    assert counters(room) == (version + 1, activity + 1)
    entry = AuditEntry.objects.filter(action="question.merged").latest("pk")
    assert (entry.actor_label, entry.data["question"], entry.data["into"]) == (
        "Pol Chanrithy",
        duplicate.pk,
        into.pk,
    )


def test_merge_needs_another_shown_question_of_the_same_board(room):
    question, hidden = ask(room, "One"), ask(room, "Two")
    services.hide_question(question=hidden, actor=room.organiser)
    elsewhere = services.ask_question(item=room.other_item, text="Elsewhere", author=None, rate_keys=[])
    for into in (question, hidden, elsewhere):
        with pytest.raises(DomainError) as error:
            services.merge_questions(duplicate=question, into=into, actor=room.organiser)
        assert error.value.code == "question.bad_merge"
    assert Question.objects.get(pk=question.pk).status == Status.APPROVED


def test_settings_change_both_counters_and_are_audited(room):
    board = set_board(room, is_open=False, pre_moderation=True)
    assert (board.is_open, board.pre_moderation, board.version, board.activity) == (False, True, 1, 1)
    set_board(room, is_open=False, pre_moderation=True)  # no change, no step
    assert counters(room) == (1, 1)
    entry = AuditEntry.objects.get(action="questions.settings_changed")
    assert (entry.actor, entry.data["is_open"], entry.data["pre_moderation"]) == (room.organiser, False, True)


def test_reads_sort_and_group_the_questions(room, django_assert_num_queries):
    _first, second, third = ask(room, "First"), ask(room, "Second"), ask(room, "Third")
    services.upvote_question(question=second, person=room.voter)
    services.mark_answered(question=third, actor=room.organiser)
    set_board(room, pre_moderation=True)
    mine = ask(room, "Mine, waiting", author=room.voter)
    theirs = ask(room, "Someone else's, waiting")
    board = services.board_for(room.item)
    with django_assert_num_queries(1):
        shown = queries.shown_questions(board, "votes")
    assert [q.text for q in shown.open] == ["Second", "First"]
    assert [q.text for q in shown.answered] == ["Third"]
    with django_assert_num_queries(1):
        own = queries.own_questions(board.pk, room.voter.pk)
    assert own.waiting == [mine] and own.upvoted == {second.pk}
    assert queries.own_questions(None, room.voter.pk) == queries.Own()  # no board yet: nothing, no query
    newest_first = queries.shown_questions(board, "time").open
    assert [q.text for q in newest_first] == ["Second", "First"]
    with django_assert_num_queries(1):
        queue = queries.moderation_queue(board)
    assert queue.pending == [mine, theirs]
    assert queue.counts == {"pending": 2, "approved": 2, "answered": 1, "hidden": 0}
    assert [q.text for q in queue.merge_targets] == ["Second", "First", "Third"]
    with django_assert_num_queries(2):
        shown = queries.projection(board)
    assert [q.text for q in shown.top] == ["Second", "First"] and shown.answered == [third]
    with django_assert_num_queries(1):
        items = queries.item_question_counts(room.meeting)
    assert [(i.pending, i.approved, i.answered, i.hidden) for i in items] == [(2, 2, 1, 0), (0, 0, 0, 0)]
