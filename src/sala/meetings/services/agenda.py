"""Changing the agenda: every change is checked as a whole and refused if it breaks a rule."""

from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError, DomainErrors

from ..agenda import check_agenda, shifted
from ..models import AgendaItem, AgendaSubItem, Meeting
from ..queries import version_key
from .files import delete_files_on_commit

ITEM_FIELDS = ("starts_at", "ends_at", "kind", "title_en", "title_km", "led_by_en", "led_by_km")


def lock_meeting(meeting: Meeting) -> Meeting:
    """Serialise agenda edits of one meeting (a row lock on PostgreSQL)."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def touch(meeting: Meeting) -> None:
    """Mark the meeting changed, so cached public pages and ETags are renewed."""
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
    forget_version(meeting.slug)


def forget_version(slug: str) -> None:
    """Drop the cached version once the change is committed (not before: a reader could
    cache the old one again)."""
    transaction.on_commit(lambda: cache.delete(version_key(slug)))


def validate_or_raise(meeting: Meeting, items: list[AgendaItem]) -> None:
    result = check_agenda(meeting.starts_at, meeting.ends_at, items)
    if not result.is_valid:
        raise DomainErrors(result.errors)


def save_sub_items(item: AgendaItem, sub_items: list[tuple[str, str]] | None) -> None:
    """Replace the item's sub-items by (English, Khmer) pairs, in order."""
    if sub_items is None:
        return
    item.sub_items.all().delete()
    AgendaSubItem.objects.bulk_create(
        AgendaSubItem(item=item, position=i, text_en=en, text_km=km)
        for i, (en, km) in enumerate(pair for pair in sub_items if any(pair))
    )


@transaction.atomic
def create_agenda_item(
    *,
    meeting: Meeting,
    actor,
    starts_at: datetime,
    ends_at: datetime,
    kind: str,
    title_en: str = "",
    title_km: str = "",
    led_by_en: str = "",
    led_by_km: str = "",
    sub_items: list[tuple[str, str]] | None = None,
) -> AgendaItem:
    meeting = lock_meeting(meeting)
    item = AgendaItem(
        meeting=meeting,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind,
        title_en=title_en,
        title_km=title_km,
        led_by_en=led_by_en,
        led_by_km=led_by_km,
    )
    validate_or_raise(meeting, [*meeting.agenda_items.all(), item])
    item.save()
    save_sub_items(item, sub_items)
    touch(meeting)
    audit.record(
        action="agenda.item_created",
        scope=meeting,
        target=item,
        actor=actor,
        data={"title": audit.texts(item, "title"), "starts_at": starts_at.isoformat()},
    )
    return item


@transaction.atomic
def update_agenda_item(
    *,
    item: AgendaItem,
    actor,
    shift_following: bool = False,
    sub_items: list[tuple[str, str]] | None = None,
    **changes: Any,
) -> AgendaItem:
    """Change an item; with `shift_following`, later items move by as much as its end moved."""
    unknown = set(changes) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"Unknown agenda item fields: {sorted(unknown)}")
    meeting = lock_meeting(item.meeting)
    items = list(meeting.agenda_items.all())
    current = next(i for i in items if i.pk == item.pk)
    old_start, old_end = current.starts_at, current.ends_at
    for name, value in changes.items():
        setattr(current, name, value)
    moved = []
    if shift_following and current.ends_at != old_end:
        later = [i for i in items if i is not current and i.starts_at >= old_end]
        moved = shifted(later, after=old_end, delta=current.ends_at - old_end)
    validate_or_raise(meeting, items)
    current.save()
    for other in moved:
        other.save(update_fields=["starts_at", "ends_at"])
    save_sub_items(current, sub_items)
    touch(meeting)
    audit.record(
        action="agenda.item_changed",
        scope=meeting,
        target=current,
        actor=actor,
        data={
            "title": audit.texts(current, "title"),
            "from": [old_start.isoformat(), old_end.isoformat()],
            "to": [current.starts_at.isoformat(), current.ends_at.isoformat()],
            "shifted": len(moved),
        },
    )
    return current


@transaction.atomic
def delete_agenda_item(*, item: AgendaItem, actor) -> None:
    meeting = lock_meeting(item.meeting)
    audit.record(
        action="agenda.item_deleted",
        scope=meeting,
        target=item,
        actor=actor,
        data={"title": audit.texts(item, "title"), "starts_at": item.starts_at.isoformat()},
    )
    item.facilitators.all().delete()
    delete_files_on_commit(m.file for m in item.materials.all())  # the rows go with the item
    item.delete()
    touch(meeting)


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, actor, step: int) -> None:
    """Swap an item with its neighbour: the pair keeps its slot, each keeps its length."""
    meeting = lock_meeting(item.meeting)
    items = list(meeting.agenda_items.order_by("starts_at", "id"))
    index = next(i for i, o in enumerate(items) if o.pk == item.pk)
    other_index = index + step
    if step not in (-1, 1) or not 0 <= other_index < len(items):
        raise DomainError("agenda.cannot_move")
    first, second = sorted((items[index], items[other_index]), key=lambda i: i.starts_at)
    gap = second.starts_at - first.ends_at
    start = first.starts_at
    second_len, first_len = second.ends_at - second.starts_at, first.ends_at - first.starts_at
    second.starts_at, second.ends_at = start, start + second_len
    first.starts_at = second.ends_at + gap
    first.ends_at = first.starts_at + first_len
    validate_or_raise(meeting, items)
    for changed in (first, second):
        changed.save(update_fields=["starts_at", "ends_at"])
    touch(meeting)
    audit.record(
        action="agenda.item_moved",
        scope=meeting,
        target=item,
        actor=actor,
        data={"title": audit.texts(item, "title"), "step": step},
    )
