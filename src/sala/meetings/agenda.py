"""The agenda's own rules, as pure functions over time slots (no database).

An agenda is valid when every item ends after it starts, lies inside the meeting's window and
overlaps no other item. Gaps between items are allowed but reported, so an organiser sees a
forgotten slot before the participants do.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sala.core.errors import DomainError
from sala.core.khmer import format_time


class Slot(Protocol):
    pk: int | None
    starts_at: datetime
    ends_at: datetime
    title: str


@dataclass(frozen=True)
class Gap:
    starts_at: datetime
    ends_at: datetime


@dataclass
class AgendaCheck:
    errors: list[DomainError] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    # pk of each item with a problem, so the editor can mark the row.
    flagged: set = field(default_factory=set)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def check_agenda(window_start: datetime, window_end: datetime, items: list[Slot]) -> AgendaCheck:
    result = AgendaCheck()
    ordered = sorted(items, key=lambda i: (i.starts_at, i.ends_at))
    for item in ordered:
        if item.ends_at <= item.starts_at:
            result.errors.append(DomainError("agenda.end_before_start", item=item.title))
            result.flagged.add(item.pk)
        elif item.starts_at < window_start or item.ends_at > window_end:
            result.errors.append(
                DomainError(
                    "agenda.outside_window",
                    item=item.title,
                    start=format_time(item.starts_at),
                    end=format_time(item.ends_at),
                    window_start=format_time(window_start),
                    window_end=format_time(window_end),
                )
            )
            result.flagged.add(item.pk)
    latest = None  # the item ending last so far
    for item in (i for i in ordered if i.ends_at > i.starts_at):
        if latest is not None and item.starts_at < latest.ends_at:
            result.errors.append(
                DomainError(
                    "agenda.overlap",
                    item=item.title,
                    start=format_time(item.starts_at),
                    end=format_time(item.ends_at),
                    other=latest.title,
                    other_start=format_time(latest.starts_at),
                    other_end=format_time(latest.ends_at),
                )
            )
            result.flagged.update({item.pk, latest.pk})
        else:
            gap_start = latest.ends_at if latest is not None else window_start
            if item.starts_at > gap_start:
                result.gaps.append(Gap(gap_start, item.starts_at))
        if latest is None or item.ends_at > latest.ends_at:
            latest = item
    if latest is not None and latest.ends_at < window_end:
        result.gaps.append(Gap(latest.ends_at, window_end))
    return result


def shifted(items: list[Slot], after: datetime, delta: timedelta, exclude=None) -> list[Slot]:
    """Move every item starting at or after `after` by `delta` (in place); returns them."""
    moved = [i for i in items if i is not exclude and i.starts_at >= after]
    for item in moved:
        item.starts_at += delta
        item.ends_at += delta
    return moved
