"""Reminders of follow-up actions: `sala send_action_reminders` sends one email per open action due
within N days whose owner has an email, once per due date, in the owner's language, and only
once even when two runs race (PostgreSQL)."""

import threading
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from sala.advocacy.models import ActionItem
from sala.advocacy.services.actions import create_action, send_action_reminders, set_action_status
from sala.advocacy.tasks import send_action_reminder
from sala.core.models import AuditEntry
from sala.people.services import erase_person

from ..factories import ConsultationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> date:
    """A date n days from today, read when called: a suite that runs past midnight keeps its dates."""
    return timezone.localdate() + timedelta(days=n)


@pytest.fixture
def consultation():
    return ConsultationFactory(title_en="Cybercrime consultation", title_km="ពិគ្រោះយោបល់ច្បាប់បទល្មើសបច្ចេកវិទ្យា")


@pytest.fixture
def khmer_owner():
    return PersonFactory(name_en="Sok Dara", name_km="សុខ ដារ៉ា", email="dara@example.org", language="km")


@pytest.fixture
def english_owner():
    return PersonFactory(name_en="Anna Lee", email="anna@example.org", language="en")


def add(consultation, title: str, owner, due_on, status="open") -> ActionItem:
    return create_action(
        consultation=consultation,
        actor=None,
        title_en=title,
        title_km=f"{title} (ខ្មែរ)",
        owner_organisation=None,
        owner=owner,
        due_on=due_on,
        status=status,
    )


def run(*args) -> str:
    out = StringIO()
    call_command("send_action_reminders", *args, stdout=out)
    return out.getvalue()


def to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def test_one_reminder_per_due_date_even_when_run_twice(consultation, khmer_owner, english_owner):
    due = add(consultation, "Send the letter", english_owner, days(3))
    add(consultation, "Later", english_owner, days(4))  # beyond 3 days
    add(consultation, "Late", english_owner, days(-1))  # overdue: past reminding
    add(consultation, "Finished", english_owner, days(1), status="done")
    add(consultation, "Given up", english_owner, days(1), status="dropped")
    add(consultation, "Nobody's", None, days(1))
    add(consultation, "No email", PersonFactory(email=""), days(1))
    going = add(consultation, "Brief the ministry", khmer_owner, days(0), status="in_progress")
    assert run() == "2 reminders queued\n"
    assert run() == "0 reminders queued\n"
    assert send_action_reminders() == 0
    assert len(mail.outbox) == 2 and len(to("anna@example.org")) == 1 and len(to("dara@example.org")) == 1
    assert ActionItem.objects.get(pk=due.pk).reminded_for == days(3)
    assert ActionItem.objects.get(pk=going.pk).reminded_for == days(0)
    assert AuditEntry.objects.filter(action="action.reminded").count() == 2


def test_a_new_due_date_gets_a_new_reminder(consultation, english_owner):
    action = add(consultation, "Send the letter", english_owner, days(2))
    run()
    ActionItem.objects.filter(pk=action.pk).update(due_on=days(1))
    run()
    run()
    assert len(to("anna@example.org")) == 2


def test_more_days_with_the_option(consultation, english_owner):
    add(consultation, "Send the letter", english_owner, days(6))
    assert run() == "0 reminders queued\n"
    assert run("--days", "7") == "1 reminders queued\n"


def test_the_email_is_in_the_owners_language(consultation, khmer_owner, english_owner):
    add(consultation, "Send the letter", english_owner, date(2099, 6, 5))
    add(consultation, "Brief the ministry", khmer_owner, date(2099, 6, 5))
    send_action_reminders(today=date(2099, 6, 3))
    [english] = to("anna@example.org")
    assert "Send the letter" in english.subject and "5 June 2099" in english.subject
    assert "Dear Ms. Anna Lee," in english.body and "Cybercrime consultation" in english.body
    assert "ខ្មែរ" not in english.body
    [khmer] = to("dara@example.org")
    assert "Brief the ministry (ខ្មែរ)" in khmer.subject and "ទី៥ ខែមិថុនា ឆ្នាំ២០៩៩" in khmer.subject
    assert "សុខ ដារ៉ា" in khmer.body and "ពិគ្រោះយោបល់ច្បាប់បទល្មើសបច្ចេកវិទ្យា" in khmer.body
    assert "2099" not in khmer.body


def test_the_task_sends_nothing_once_the_action_is_done_or_its_owner_erased(consultation, english_owner):
    action = add(consultation, "Send the letter", english_owner, days(1))
    set_action_status(action=action, status="done", actor=None)
    send_action_reminder.call(action.pk)
    assert not mail.outbox
    set_action_status(action=action, status="open", actor=None)
    erase_person(person=english_owner, actor=None, scope=consultation)
    send_action_reminder.call(action.pk)
    pk = action.pk
    action.delete()
    send_action_reminder.call(pk)
    assert not mail.outbox


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_two_runs_at_the_same_time_send_each_reminder_once():
    consultation, today = ConsultationFactory(), days(0)
    owners = [PersonFactory(email=f"owner{n}@example.org") for n in range(20)]
    for n, owner in enumerate(owners):
        add(consultation, f"Action {n}", owner, today + timedelta(days=n % 3))
    barrier = threading.Barrier(4)
    counts, errors = [], []

    def remind():
        try:
            barrier.wait()
            counts.append(send_action_reminders(today=today))
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=remind) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and sum(counts) == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(o.email for o in owners)
