"""Upvotes under real concurrency (PostgreSQL): the database, not Python, keeps one per person."""

import threading

import pytest
from django.db import connection, connections

from sala.participation.models import Question, QuestionBoard, QuestionVote
from sala.participation.services import questions as services
from tests.factories import AgendaItemFactory, PersonFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and parallel writers: PostgreSQL"
    ),
]


def in_parallel(work, count: int) -> list[object]:
    """Run `work(n)` in `count` threads released together; what each returned (or raised)."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(n: int) -> None:
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_50_parallel_upvotes_by_one_participant_count_once():
    item = AgendaItemFactory()
    question = services.ask_question(item=item, text="Who decides?", author=None, rate_keys=[])
    person = PersonFactory()
    results = in_parallel(lambda _n: services.upvote_question(question=question, person=person), 50)
    assert sorted(results, key=str) == [False] * 49 + [True]  # no error: the constraint said "already"
    question.refresh_from_db()
    assert question.votes == 1 == QuestionVote.objects.filter(question=question).count()
    assert QuestionBoard.objects.get().activity == 2  # the question, then one upvote


def test_50_people_upvoting_and_a_merge_at_once_lose_no_vote():
    item = AgendaItemFactory()
    into = services.ask_question(item=item, text="Who decides what is false?", author=None, rate_keys=[])
    duplicate = services.ask_question(item=item, text="Who judges false news?", author=None, rate_keys=[])
    people = PersonFactory.create_batch(50)
    organiser = UserFactory()
    item.meeting.consultation.organisers.add(organiser)

    def work(n: int):
        if n == 0:
            return services.merge_questions(duplicate=duplicate, into=into, actor=organiser)
        return services.upvote_question(question=[into, duplicate][n % 2], person=people[n])

    results = in_parallel(work, 50)
    errors = [r for r in results if isinstance(r, Exception)]
    # An upvote on the duplicate after the merge is refused (it is hidden): nothing else fails.
    assert all(getattr(e, "code", "") == "question.not_open_for_votes" for e in errors), errors
    into.refresh_from_db()
    counted = QuestionVote.objects.filter(question=into).count()
    assert into.votes == counted == sum(1 for r in results[1:] if r is True)
    assert Question.objects.get(pk=duplicate.pk).votes == 0
