"""An anonymous ballot leaves no link to its voter, in any table, page or the audit log.

A participant with a distinctive name objects through their personal link, with a distinctive
reason; others vote too, and an organiser closes the vote through the pages. Then every row of
every model (join tables and decoded sessions included) is read back: rows that name the
voter (a foreign key to them, their name, email or link, or their audit key) may not point at
their ballot (a foreign key to it, its key, its reason), and the ballot names no one. Only the
VoteMark says the voter voted.
"""

import json
import uuid
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection

from sala.advocacy.models import Ballot, VoteMark
from sala.advocacy.services.decisions import close_decision
from sala.core.models import AuditEntry
from sala.people.models import Person

from .decision_support import arrive, open_decision, token_of, vote

pytestmark = pytest.mark.django_db

REASON = "Article 7 must be cut before any joint submission goes to the Ministry."


@dataclass
class Row:
    model: str
    text: str
    people: set  # ids of the people this row points at through a foreign key
    ballots: set  # ids of the ballots this row points at through a foreign key


def text_of(value) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def every_row() -> list[Row]:
    """Every row of every model, field by field (foreign keys as ids), read through the models."""
    rows = []
    for model in apps.get_models(include_auto_created=True):
        fields = model._meta.concrete_fields
        to_people = [f.attname for f in fields if f.is_relation and f.related_model is Person]
        to_ballots = [f.attname for f in fields if f.is_relation and f.related_model is Ballot]
        for values in model._base_manager.values(*[f.attname for f in fields]):
            rows.append(
                Row(
                    model._meta.label,
                    " | ".join(f"{k}={text_of(v)}" for k, v in values.items()),
                    {values[name] for name in to_people} - {None},
                    {values[name] for name in to_ballots} - {None},
                )
            )
    for session in Session.objects.all():
        rows.append(
            Row("session (decoded)", text_of(SessionStore().decode(session.session_data)), set(), set())
        )
    return rows


def names_voter(row: Row, voter: Person, words: list[str]) -> bool:
    return (
        voter.pk in row.people or f"people.person:{voter.pk}" in row.text or any(w in row.text for w in words)
    )


def points_at(row: Row, ballot: Ballot) -> bool:
    return (
        ballot.pk in row.ballots
        or str(ballot.pk) in row.text
        or ballot.pk.hex in row.text
        or REASON in row.text
        or "advocacy.ballot:" in row.text
    )


def assert_unlinked(voter: Person, words: list[str]) -> None:
    ballot = Ballot.objects.get(reason=REASON)
    assert ballot.voter_id is None and isinstance(ballot.pk, uuid.UUID)
    rows = every_row()
    naming = [row for row in rows if names_voter(row, voter, words)]
    assert {"people.Person", "advocacy.VoteMark", "attendance.Invitation"} <= {row.model for row in naming}
    tied = [row.model for row in naming if points_at(row, ballot)]
    assert not tied, f"rows tie {voter} to their anonymous ballot: {tied}"
    (own,) = [row for row in rows if row.model == "advocacy.Ballot" and REASON in row.text]
    assert not names_voter(own, voter, words) and "voter_id=None" in own.text
    assert VoteMark.objects.filter(person=voter).count() == 1


@pytest.fixture
def voter(consultation):
    meeting = consultation.meetings.first()
    (person,) = arrive(meeting, 1)
    person.name_en, person.name_km, person.email = "Sreymom Vanndeth", "ស្រីមុំ វណ្ណដេត", "sreymom.v@example.org"
    person.save()
    return person


def test_no_row_page_or_log_entry_ties_a_voter_to_their_anonymous_ballot(
    client, consultation, voter, organiser
):
    meeting = consultation.meetings.first()
    others = arrive(meeting, 6, prefix="Other")
    decision = open_decision(consultation, anonymous=True, results_hidden=False)
    vote(decision, others[:3], "approve")
    token = token_of(meeting, voter)
    words = [voter.name_en, voter.name_km, voter.email, token]
    page = client.post(
        f"/en/i/{token}/decisions/{decision.pk}/", {"choice": "object", "reason": REASON}, follow=True
    )
    html = page.content.decode()
    assert "You have voted." in html and "cannot be shown or changed" in html
    assert REASON in html  # the running count shows the reason, without a name
    assert html.count(REASON) == 1 and 'value="object" checked' not in html
    vote(decision, others[3:], "consent")
    assert_unlinked(voter, words)  # while the vote is open

    client.force_login(organiser)
    base = f"/en/manage/consultations/{consultation.slug}/decisions/{decision.pk}/"
    assert client.post(base + "close/", {"statement_en": "Adopted with one objection."}).status_code == 302
    result = client.get(base).content.decode()
    assert REASON in result and not any(w in result for w in words)
    assert_unlinked(voter, words)  # and once it is closed
    assert not AuditEntry.objects.filter(action__startswith="ballot").exists()
    assert not AuditEntry.objects.filter(target=f"people.person:{voter.pk}").exists()


def test_closing_forgets_the_order_in_which_anonymous_ballots_were_cast(consultation):
    meeting = consultation.meetings.first()
    people = arrive(meeting, 12)
    decision = open_decision(consultation, anonymous=True)
    for n, person in enumerate(people):
        vote(decision, [person], "object", f"Reason number {n:02d}")
    stored = Ballot._meta.db_table

    def physical_order() -> list[str]:
        with connection.cursor() as cursor:  # no ORDER BY: the order the rows are stored in
            cursor.execute(f"SELECT reason FROM {connection.ops.quote_name(stored)}")
            return [reason for (reason,) in cursor.fetchall()]

    cast_order = [f"Reason number {n:02d}" for n in range(12)]
    close_decision(decision=decision, actor=None)
    assert sorted(physical_order()) == cast_order and physical_order() != cast_order
    marks = list(
        VoteMark.objects.filter(decision=decision).order_by("pk").values_list("person_id", flat=True)
    )
    assert marks == sorted(p.pk for p in people)
