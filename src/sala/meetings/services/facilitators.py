"""Facilitators of agenda items, and their answers through a personal link."""

from django.db import transaction

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.ordering import move_in_list, next_position
from sala.people.models import Person

from ..models import AgendaItem, Facilitator
from .agenda import touch


@transaction.atomic
def add_facilitator(
    *,
    item: AgendaItem,
    actor,
    person: Person,
    role_en: str = "",
    role_km: str = "",
    status: str = Facilitator.Status.TBC,
) -> Facilitator:
    facilitator = Facilitator.objects.create(
        item=item,
        person=person,
        role_en=role_en,
        role_km=role_km,
        status=status,
        position=next_position(item.facilitators.all()),
    )
    touch(item.meeting)
    audit.record(
        action="facilitator.added",
        scope=item.meeting,
        target=facilitator,
        actor=actor,
        data={"person": audit.texts(person, "name"), "item": audit.texts(item, "title"), "status": status},
    )
    return facilitator


@transaction.atomic
def update_facilitator(
    *,
    facilitator: Facilitator,
    actor,
    role_en: str,
    role_km: str,
    status: str,
    note: str = "",
) -> Facilitator:
    """An organiser's change: role, or a status they learnt by phone."""
    if status not in Facilitator.Status.values:
        raise DomainError("facilitator.bad_status")
    old_status = facilitator.status
    facilitator.role_en, facilitator.role_km = role_en, role_km
    facilitator.status = status
    if note:
        facilitator.note = note
    facilitator.save()
    touch(facilitator.item.meeting)
    audit.record(
        action="facilitator.changed",
        scope=facilitator.item.meeting,
        target=facilitator,
        actor=actor,
        data={
            "person": audit.texts(facilitator.person, "name"),
            "from": old_status,
            "to": status,
            "note": note,
        },
    )
    return facilitator


@transaction.atomic
def answer_facilitation(*, facilitator: Facilitator, status: str, note: str = "") -> Facilitator:
    """The facilitator's own answer through their secret link (no account)."""
    if status not in (Facilitator.Status.CONFIRMED, Facilitator.Status.DECLINED):
        raise DomainError("facilitator.bad_status")
    facilitator = Facilitator.objects.select_for_update().get(pk=facilitator.pk)
    old_status = facilitator.status
    facilitator.status, facilitator.note = status, note.strip()
    facilitator.save(update_fields=["status", "note"])
    touch(facilitator.item.meeting)
    audit.record(
        action="facilitator.answered",
        scope=facilitator.item.meeting,
        target=facilitator,
        actor_label=str(facilitator.person),
        data={
            "person": audit.texts(facilitator.person, "name"),
            "from": old_status,
            "to": status,
            "note": facilitator.note,
        },
    )
    return facilitator


@transaction.atomic
def remove_facilitator(*, facilitator: Facilitator, actor) -> None:
    meeting = facilitator.item.meeting
    audit.record(
        action="facilitator.removed",
        scope=meeting,
        target=facilitator,
        actor=actor,
        data={
            "person": audit.texts(facilitator.person, "name"),
            "item": audit.texts(facilitator.item, "title"),
        },
    )
    facilitator.delete()
    touch(meeting)


@transaction.atomic
def move_facilitator(*, facilitator: Facilitator, actor, step: int) -> None:
    move_in_list(facilitator, facilitator.item.facilitators.all(), step)
    touch(facilitator.item.meeting)
