"""An anonymous input leaves no author in the database, the pages, the export or the logs.

A participant with a distinctive name and email gives an anonymous input through their
personal link, and an organiser types up another of theirs as anonymous. Then every row of
every table is read back as text (audit entries' JSON and decoded sessions included): the
person's own rows (Person, Invitation) name them, of course, but no row that names them may
point at either input, and the inputs' rows name no one.
"""

import json
import logging
from dataclasses import dataclass

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection

from sala.core.models import AuditEntry
from sala.participation.models import Input

pytestmark = pytest.mark.django_db

COMMENT_ONLINE = "The committee must not block content without a court order."
COMMENT_PAPER = "Article 5 should be deleted: it punishes journalists for honest mistakes."


@dataclass
class Row:
    table: str
    text: str
    input_ids: set  # inputs this row points at through a foreign key


def text_of(value) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def dump_database() -> list[Row]:
    """Every row of every table in the database, read with plain SQL, not through the models."""
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            relations = connection.introspection.get_relations(cursor, table)
            input_columns = {c for c, (_, target) in relations.items() if target == Input._meta.db_table}
            cursor.execute(
                f"SELECT * FROM {connection.ops.quote_name(table)}"
            )  # table names from the database itself
            columns = [c[0] for c in cursor.description]
            for values in cursor.fetchall():
                record = dict(zip(columns, values, strict=True))
                if table == Input._meta.db_table:
                    input_columns = {"id"}
                text = " | ".join(f"{k}={text_of(v)}" for k, v in record.items())
                rows.append(Row(table, text, {record[c] for c in input_columns if record[c] is not None}))
    for session in Session.objects.all():  # sessions are encoded: read what they hold
        rows.append(
            Row("django_session (decoded)", text_of(SessionStore().decode(session.session_data)), set())
        )
    return rows


def names_of(person) -> list[str]:
    local = person.email.split("@")[0]
    return [*person.name_en.split(), *person.name_km.split(), person.email, local]


def mentions(text: str, words: list[str]) -> list[str]:
    return [w for w in words if w.casefold() in text.casefold()]


def points_at(row: Row, given: Input) -> bool:
    return (
        given.pk in row.input_ids
        or f"participation.input:{given.pk}" in row.text
        or given.comment in row.text
        or (row.table == AuditEntry._meta.db_table and f'"input": {given.pk}' in row.text)
    )


@pytest.fixture
def anonymous_inputs(client, invitation, articles, inputs_organiser, caplog, settings):
    """The two anonymous inputs, given through the pages as a participant and an organiser would."""
    settings.DEBUG = True  # the SQL sent goes to the log too
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")  # Django's own loggers stop at INFO otherwise
    link = f"/en/i/{invitation.token}/inputs/add/"
    data = {
        "article": articles["3"].pk,
        "concern": "powers",
        "comment": COMMENT_ONLINE,
        "anonymous": "on",
        "show_author": "on",
        "for_organisation": "",
    }
    page_after = client.post(link, data, follow=True).content.decode()
    client.force_login(inputs_organiser)
    manage = f"/en/manage/consultations/{invitation.meeting.consultation.slug}/inputs/"
    response = client.post(
        manage + "add/",
        {
            "channel": "paper",
            "article": articles["5"].pk,
            "concern": "penalties",
            "comment": COMMENT_PAPER,
            "author": "",
        },
    )
    assert response.status_code == 302
    settings.DEBUG = False
    return {
        "online": Input.objects.get(comment=COMMENT_ONLINE),
        "paper": Input.objects.get(comment=COMMENT_PAPER),
        "page_after": page_after,
        "manage": manage,
        "logs": caplog.text,
    }


def test_no_row_ties_the_person_to_their_anonymous_inputs(anonymous_inputs, person):
    words = names_of(person)
    dump = dump_database()
    named_rows = [row for row in dump if mentions(row.text, words)]
    assert {row.table for row in named_rows} >= {"people_person"}  # the dump does see the person
    for key in ("online", "paper"):
        given = anonymous_inputs[key]
        assert (given.author_id, given.entered_by_id, given.show_author) == (None, None, False)
        tied = [(row.table, mentions(row.text, words)) for row in named_rows if points_at(row, given)]
        assert not tied, f"rows tie {person} to the anonymous input: {tied}"
        (own_row,) = [row for row in dump if row.table == Input._meta.db_table and given.pk in row.input_ids]
        assert "author_id=None" in own_row.text and "entered_by_id=None" in own_row.text
    entries = AuditEntry.objects.filter(action="input.given")
    assert [(e.actor_id, e.actor_label, e.target, e.data) for e in entries] == [
        (None, "", "", {"article": "5"}),
        (None, "", "", {"article": "3"}),
    ]


def test_no_page_export_or_log_names_the_author(
    client, anonymous_inputs, person, inputs_organiser, consultation
):
    words = names_of(person)
    assert not mentions(anonymous_inputs["logs"], words), "the requests' logs name the person"
    assert "SELECT" in anonymous_inputs["logs"]  # the SQL log was on
    assert COMMENT_ONLINE not in anonymous_inputs["page_after"]  # not listed back: nothing says it is theirs
    client.force_login(inputs_organiser)
    page = client.get(anonymous_inputs["manage"]).content.decode()
    assert COMMENT_ONLINE in page and COMMENT_PAPER in page
    assert not mentions(page, words)
    export = client.get(anonymous_inputs["manage"] + "inputs.csv").content.decode("utf-8-sig")
    assert COMMENT_ONLINE in export and not mentions(export, words)
    for line in export.splitlines()[1:]:
        assert line.split(",")[-2] == "Anonymous"
