"""Telling people when a published agenda changes: one notice per batch of edits.

When invitations first go out, the agenda is remembered. Later, the differences between
the agenda now and the one remembered are sent once, to the facilitators of the changed
items and to the people registered, and the new agenda is remembered in turn. Several
edits in a row therefore make one notice, not one email per edit.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from sala.core import audit
from sala.meetings.models import AgendaItem, Meeting
from sala.meetings.queries import agenda_items_queryset

from .. import tasks
from ..models import AgendaSnapshot, Registration


def agenda_state(meeting: Meeting) -> dict[str, dict]:
    items: list[AgendaItem] = list(agenda_items_queryset().filter(meeting=meeting))
    return {
        str(item.pk): {
            "start": item.starts_at.isoformat(),
            "end": item.ends_at.isoformat(),
            "title": {"en": item.title_en, "km": item.title_km},
            "people": sorted(f.person_id for f in item.facilitators.all()),
        }
        for item in items
    }


def remember_agenda(meeting: Meeting, *, only_if_new: bool = False) -> None:
    if only_if_new and AgendaSnapshot.objects.filter(meeting=meeting).exists():
        return
    AgendaSnapshot.objects.update_or_create(meeting=meeting, defaults={"agenda": agenda_state(meeting)})


def agenda_changes(meeting: Meeting) -> list[dict]:
    """What changed since people were last told, in agenda order; empty if never told."""
    snapshot = AgendaSnapshot.objects.filter(meeting=meeting).first()
    if snapshot is None:
        return []
    before, now = snapshot.agenda, agenda_state(meeting)
    changes = []
    for pk, item in now.items():
        old = before.get(pk)
        if old is None:
            changes.append({"kind": "added", **item})
        elif (old["start"], old["end"], old["title"]) != (item["start"], item["end"], item["title"]):
            changes.append({"kind": "changed", **item, "before": old})
        elif old["people"] != item["people"]:
            changes.append({"kind": "changed", **item, "before": None})
    changes += [{"kind": "removed", **old} for pk, old in before.items() if pk not in now]
    return sorted(changes, key=lambda change: change["start"])


def recipients(meeting: Meeting, changes: list[dict]) -> set[int]:
    """The facilitators of changed items (before and after) and everyone registered."""
    people = {pk for change in changes for pk in change["people"]}
    people |= {pk for change in changes if change.get("before") for pk in change["before"]["people"]}
    people |= set(
        Registration.objects.filter(meeting=meeting, status=Registration.Status.CONFIRMED).values_list(
            "person_id", flat=True
        )
    )
    return people


@transaction.atomic
def send_agenda_notices(*, meeting: Meeting, actor=None) -> int:
    """Queue one notice per person concerned; returns how many were queued."""
    changes = agenda_changes(meeting)
    if not changes:
        return 0
    people = recipients(meeting, changes)
    for person_id in sorted(people):
        tasks.send_agenda_notice.enqueue(meeting.pk, person_id, changes)
    remember_agenda(meeting)
    audit.record(
        action="agenda.notice_sent",
        scope=meeting,
        actor=actor,
        data={"changes": len(changes), "people": len(people)},
    )
    return len(people)


def meetings_with_unsent_changes(quiet: timedelta) -> list[Meeting]:
    """Meetings edited since their last notice and left alone for `quiet` (edits batch up)."""
    cutoff = timezone.now() - quiet
    snapshots = AgendaSnapshot.objects.select_related("meeting")
    return [
        s.meeting
        for s in snapshots
        if s.taken_at < s.meeting.updated_at <= cutoff and agenda_changes(s.meeting)
    ]
