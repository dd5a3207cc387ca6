"""An anonymous question leaves no trace of its asker: not in its row, not in any other table (the
audit log and decoded sessions included), not in the logs, not in the cache keys of the rate limit.

A participant with a distinctive name asks through their personal link with pre-moderation on;
an organiser approves it, another participant upvotes it, and the facilitator marks it answered.
Then every row of every table is read back with plain SQL: the rows that name the asker (or point
at their Person row) must not point at the question, and the question's own row names no one.
"""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import translation

from sala.core.models import AuditEntry
from sala.participation.models import Question
from sala.participation.services import questions as services
from sala.people.models import Person

from .questions_support import make_room
from .test_anonymity import Row, mentions, names_of, text_of

pytestmark = pytest.mark.django_db
TEXT = "Will the Committee be able to block Facebook pages without a court order?"


def dump_database() -> list[Row]:
    """Every row of every table; `input_ids` here holds the questions a row points at, and
    the people it points at are marked in its text as person-fk=<pk>."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    question_table, person_table = Question._meta.db_table, Person._meta.db_table
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            relations = connection.introspection.get_relations(cursor, table)
            to_question = {c for c, (_, target) in relations.items() if target == question_table}
            to_person = {c for c, (_, target) in relations.items() if target == person_table}
            if table == question_table:
                to_question = {"id"}
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # names from the database
            columns = [c[0] for c in cursor.description]
            for values in cursor.fetchall():
                record = dict(zip(columns, values, strict=True))
                text = " | ".join(f"{k}={text_of(v)}" for k, v in record.items())
                text += "".join(f" person-fk={record[c]}" for c in to_person if record[c] is not None)
                rows.append(Row(table, text, {record[c] for c in to_question if record[c] is not None}))
    for session in Session.objects.all():
        rows.append(
            Row("django_session (decoded)", text_of(SessionStore().decode(session.session_data)), set())
        )
    return rows


def points_at(row: Row, question: Question) -> bool:
    return (
        question.pk in row.input_ids
        or f"participation.question:{question.pk}" in row.text
        or question.text in row.text
        or (row.table == AuditEntry._meta.db_table and f'"question": {question.pk}' in row.text)
    )


@pytest.fixture
def asked(client, caplog, settings):
    """The anonymous question, asked, approved, upvoted and answered through the pages."""
    room = make_room()
    services.set_board(board=services.board_for(room.item), is_open=True, pre_moderation=True,
                       actor=room.organiser)  # fmt: skip
    settings.DEBUG = True  # the SQL sent goes to the log too
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    with translation.override("en"):
        page = reverse("participation:questions", args=[room.asker_link.token, room.item.pk])
        after = client.post(page, {"text": TEXT, "anonymous": "on"}, follow=True).content.decode()
        question = Question.objects.get(text=TEXT)
        client.force_login(room.organiser)
        approve = [room.meeting.slug, room.item.pk, question.pk, "approve"]
        assert (
            client.post(reverse("participation_manage:questions_moderate", args=approve)).status_code == 302
        )
        client.logout()
        voter = reverse(
            "participation:questions_upvote", args=[room.voter_link.token, room.item.pk, question.pk]
        )
        assert client.post(voter).status_code == 302
        answer = [room.facilitator.token, question.pk, "answer"]
        assert client.post(reverse("participation:facilitator_moderate", args=answer)).status_code == 302
        pages = [client.get(page).content.decode(), after]
    settings.DEBUG = False
    return room, Question.objects.get(pk=question.pk), pages, caplog.text


def test_the_question_row_and_no_other_row_ties_it_to_the_asker(asked):
    room, question, _pages, _logs = asked
    assert (question.author_id, question.status, question.votes) == (None, "answered", 1)
    words = [*names_of(room.asker), room.asker_link.token]
    dump = dump_database()
    named = [row for row in dump if mentions(row.text, words) or f"person-fk={room.asker.pk}" in row.text]
    assert {row.table for row in named} >= {"people_person", "attendance_invitation"}  # the dump sees them
    tied = [(row.table, row.text[:200]) for row in named if points_at(row, question)]
    assert not tied, f"rows tie the asker to the anonymous question: {tied}"
    (own,) = [row for row in dump if row.table == Question._meta.db_table and question.pk in row.input_ids]
    assert "author_id=None" in own.text and not mentions(own.text, words)
    entries = AuditEntry.objects.filter(target=f"participation.question:{question.pk}").order_by("pk")
    assert [(e.action, e.actor_label) for e in entries] == [
        ("question.approved", room.organiser.username),
        ("question.answered", "Pol Chanrithy"),  # the moderators are named, never the asker
    ]


def test_no_page_log_or_cache_key_names_the_asker(asked):
    room, _question, pages, logs = asked
    words = names_of(room.asker)
    assert "SELECT" in logs  # the SQL log was on
    assert not mentions(logs, words), "the requests' logs name the asker"
    assert not any(TEXT in page for page in pages[1:])  # not listed back as theirs while waiting
    assert "Anonymous" in pages[0] and not mentions(pages[0].split('id="questions"')[1], words)
    keys = [str(key) for key in getattr(cache, "_cache", {})]
    assert any(":questions:" in key for key in keys)  # the limit counted the asker...
    secrets = [f"person:{room.asker.pk}", room.asker_link.token, "127.0.0.1"]
    assert not any(secret in key for secret in secrets for key in keys)  # ...under a keyed hash only
