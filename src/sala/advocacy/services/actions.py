"""Follow-up actions of a consultation: who does what by when, and the reminders before it is due.

Organisers create, change and delete actions; each change is in the consultation's audit log.
A reminder goes out once per due date: `send_action_reminders` claims an action with a
conditional UPDATE (its `reminded_for` set to the due date, only where it differs) before
queueing the email in the same transaction, so two runs at the same time, or a run repeated,
send it once; moving the due date makes the action due a reminder again.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.meetings.models import Consultation
from sala.people.models import Organisation, Person

from .. import tasks
from ..models import ActionItem, Strategy
from ..queries.actions import NOT_REMINDED, due_between, reminders_due

ACTION_FIELDS = ("title_en", "title_km", "owner_organisation", "owner", "due_on", "status")


def _checked(
    *,
    title_en: str,
    title_km: str,
    owner_organisation: Organisation | None,
    owner: Person | None,
    due_on: date | None,
    status: str,
) -> dict:
    values = {
        "title_en": title_en.strip(),
        "title_km": title_km.strip(),
        # An owner's organisation stands in for an owner organisation left empty.
        "owner_organisation": owner_organisation or (owner.organisation if owner else None),
        "owner": owner,
        "due_on": due_on,
        "status": status,
    }
    if not (values["title_en"] or values["title_km"]):
        raise DomainError("action.no_title")
    if status not in ActionItem.Status.values:
        raise DomainError("action.bad_status")
    return values


def _linked(consultation: Consultation, strategies: Iterable[Strategy]) -> list[Strategy]:
    strategies = list(strategies)
    if any(s.consultation_id != consultation.pk for s in strategies):
        raise DomainError("action.strategy_elsewhere")
    return strategies


def _record(action: str, item: ActionItem, actor, **data) -> None:
    audit.record(
        action=action,
        scope=item.consultation,
        target=item,
        actor=actor,
        data={"title": audit.texts(item, "title"), **data},
    )


@transaction.atomic
def create_action(
    *,
    consultation: Consultation,
    actor,
    strategies: Iterable[Strategy] = (),
    status: str = ActionItem.Status.OPEN,
    **fields,
) -> ActionItem:
    """`fields`: ACTION_FIELDS but the status; an owner's organisation stands in for one left empty."""
    values = _checked(status=status, **fields)
    linked = _linked(consultation, strategies)
    item = ActionItem.objects.create(consultation=consultation, **values)
    item.strategies.set(linked)
    _record("action.created", item, actor)
    return item


@transaction.atomic
def update_action(
    *, action: ActionItem, actor, strategies: Iterable[Strategy] | None = None, **fields
) -> ActionItem:
    """`fields`: every one of ACTION_FIELDS; `strategies` None leaves the links as they are."""
    item = ActionItem.objects.select_for_update(of=("self",)).select_related("consultation").get(pk=action.pk)
    values = _checked(**fields)
    linked = None if strategies is None else _linked(item.consultation, strategies)
    for name, value in values.items():
        setattr(item, name, value)
    item.save()
    if linked is not None:
        item.strategies.set(linked)
    _record("action.changed", item, actor)
    return item


@transaction.atomic
def set_action_status(*, action: ActionItem, status: str, actor) -> ActionItem:
    if status not in ActionItem.Status.values:
        raise DomainError("action.bad_status")
    item = ActionItem.objects.select_for_update(of=("self",)).select_related("consultation").get(pk=action.pk)
    if item.status != status:
        item.status = status
        item.save(update_fields=["status", "updated_at"])
        _record("action.status_changed", item, actor, status=status)
    return item


@transaction.atomic
def delete_action(*, action: ActionItem, actor) -> None:
    item = ActionItem.objects.select_related("consultation").get(pk=action.pk)
    _record("action.deleted", item, actor)
    item.delete()


def send_action_reminders(*, days: int = 3, today: date | None = None) -> int:
    """Queue one reminder per open action due within `days` whose owner has an email, once per
    due date; returns how many were queued. Safe to run twice at once."""
    today = today or timezone.localdate()
    sent = 0
    for pk in reminders_due(days, today).values_list("pk", flat=True):
        with transaction.atomic():
            if _claim(pk, today, days):
                item = ActionItem.objects.select_related("consultation").get(pk=pk)
                audit.record(
                    action="action.reminded",
                    scope=item.consultation,
                    target=item,
                    data={"title": audit.texts(item, "title"), "due_on": item.due_on.isoformat()},
                )
                tasks.send_action_reminder.enqueue(pk)
                sent += 1
    return sent


def _claim(pk: int, today: date, days: int) -> bool:
    """Mark the action reminded for its due date, unless it is already (or no longer due one).

    The WHERE re-checks everything: under PostgreSQL a concurrent run waits on the row lock,
    then finds `reminded_for` equal to the due date and updates nothing.
    """
    return bool(
        ActionItem.objects.filter(due_between(today, days), NOT_REMINDED, pk=pk).update(
            reminded_for=F("due_on")
        )
    )
