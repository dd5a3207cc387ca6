"""The demo's Q&A: Session 1 of the 2014 meeting, a dozen questions made through the services."""

from collections import Counter

import pytest
from django.db.models import F

from sala.attendance.models import Invitation
from sala.core.models import AuditEntry
from sala.demo.questions_loader import load_questions
from sala.participation.models import Question, QuestionBoard, QuestionVote

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(demo_meeting):
    load_questions(demo_meeting)
    return Question.objects.filter(board__item__meeting=demo_meeting).select_related("board__item")


def test_a_dozen_questions_on_session_1_in_both_languages(questions, demo_meeting):
    session = demo_meeting.agenda_items.filter(kind="session").order_by("starts_at").first()
    assert session.title_en.startswith("Session 1")
    assert {q.board.item for q in questions} == {session}
    assert 10 <= questions.count() <= 14
    assert Counter(q.status for q in questions) == {"approved": 5, "answered": 4, "hidden": 2, "pending": 1}
    assert questions.filter(text__regex=r"[\u1780-\u17ff]").count() >= 3
    assert 3 <= questions.filter(author=None).count() < questions.count()
    assert all(q.created_at.date().isoformat() == "2014-06-05" for q in questions)
    assert all(q.answered_at.year == 2014 for q in questions.filter(status="answered"))
    board = QuestionBoard.objects.get(item=session)
    assert (board.is_open, board.pre_moderation) == (True, True)


def test_upvotes_come_from_invited_people_and_the_merge_counts_each_once(questions, demo_meeting):
    invited = set(Invitation.objects.filter(meeting=demo_meeting).values_list("person", flat=True))
    assert set(QuestionVote.objects.values_list("person", flat=True)) <= invited
    for question in questions:
        assert question.votes == question.upvotes.count()
    (duplicate,) = questions.exclude(merged_into=None)
    into = duplicate.merged_into
    assert (duplicate.status, duplicate.votes, into.status) == ("hidden", 0, "approved")
    assert into.votes == 15  # its 14, and one of the duplicate's 3: the other 2 had upvoted both
    assert "journalist" in into.text and "reporter" in duplicate.text
    assert not QuestionVote.objects.filter(question__author=F("person")).exists()  # no one upvotes their own


def test_moderation_is_audited_and_loading_again_changes_nothing(questions, demo_meeting):
    entries = AuditEntry.objects.filter(action__startswith="question")
    assert Counter(entries.values_list("action", flat=True)) == {
        "question.approved": 10,
        "question.hidden": 1,
        "question.answered": 4,
        "question.merged": 1,
        "questions.settings_changed": 1,
    }
    assert entries.filter(actor=None).exclude(actor_label="").exists()  # the facilitator, by their link
    before = (questions.count(), QuestionVote.objects.count(), AuditEntry.objects.count())
    load_questions(demo_meeting)
    assert (questions.count(), QuestionVote.objects.count(), AuditEntry.objects.count()) == before
