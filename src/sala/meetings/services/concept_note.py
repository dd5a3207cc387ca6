"""A meeting made from a concept note: the importer's draft, as the organiser corrected it.

Everything goes through the usual services, so the audit log reads as if the organiser had
typed it all in, and in one transaction: an agenda that breaks a rule leaves nothing behind.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from sala.core.errors import DomainError, DomainErrors
from sala.core.khmer import has_khmer
from sala.importers.people_list import strip_title
from sala.people.models import Person
from sala.people.services import create_person

from ..agenda import check_agenda
from ..models import AgendaItem, Consultation, Facilitator, Meeting
from .agenda import create_agenda_item
from .facilitators import add_facilitator
from .meetings import (
    ObjectiveRow,
    OutcomeRow,
    check_window,
    create_meeting,
    set_objectives,
    set_outcomes,
)

LANGUAGES = ("en", "km")
SLUG_LENGTH = 40  # leaves room for "-2" and the like in a 50-character slug


@transaction.atomic
def create_meeting_from_concept_note(
    *, consultation: Consultation, actor, draft: dict, language: str
) -> Meeting:
    """Create the meeting, its concept note and its agenda from a draft in the importer's shape.

    Texts go into the fields of `language` ("en" or "km"). Facilitators become new people,
    one per name; those not marked as confirmed stay "to be confirmed".
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}")
    starts_at, ends_at = meeting_window(draft)
    rows = draft.get("agenda") or []
    items = [unsaved_item(row, draft["dates"][0], language) for row in rows]
    check = check_agenda(starts_at, ends_at, items)
    if not check.is_valid:
        raise DomainErrors(check.errors)
    venue = draft.get("venue") or {}
    participants = draft.get("participants") or {}
    meeting = create_meeting(
        consultation=consultation,
        actor=actor,
        slug=free_slug(draft.get("title") or "", draft["dates"][0]),
        starts_at=starts_at,
        ends_at=ends_at,
        participants_min=participants.get("min"),
        participants_max=participants.get("max"),
        venue_phones=", ".join(p.strip() for p in venue.get("phones") or [] if p.strip()),
        **in_language(
            language,
            title=draft.get("title", ""),
            introduction=draft.get("introduction", ""),
            agenda_note=draft.get("agenda_note", ""),
            venue_name=venue.get("name", ""),
            venue_address=venue.get("address", ""),
            participant_categories="\n".join(participants.get("categories") or []),
        ),
    )
    set_objectives(
        meeting=meeting,
        actor=actor,
        rows=[ObjectiveRow(*pair(language, t)) for t in lines(draft.get("objectives"))],
    )
    set_outcomes(
        meeting=meeting,
        actor=actor,
        rows=[OutcomeRow(*pair(language, t)) for t in lines(draft.get("expected_outcomes"))],
    )
    people: dict[str, Person] = {}
    for row, item in zip(rows, items, strict=True):
        save_item(meeting, actor, row, item, language, people)
    return meeting


def meeting_window(draft: dict) -> tuple[datetime, datetime]:
    """From the start time on the first day to the end time on the last."""
    dates = draft.get("dates") or []
    if not (dates and draft.get("start") and draft.get("end")):
        raise DomainError("meeting.no_date_or_time")
    starts_at, ends_at = local_datetime(dates[0], draft["start"]), local_datetime(dates[-1], draft["end"])
    check_window(starts_at, ends_at)
    return starts_at, ends_at


def local_datetime(day: str, at: str) -> datetime:
    """A "YYYY-MM-DD" day and an "HH:MM" time in Phnom Penh."""
    try:
        return datetime.combine(date.fromisoformat(day), time.fromisoformat(at), ZoneInfo(settings.TIME_ZONE))
    except (TypeError, ValueError) as error:
        raise DomainError("meeting.bad_date_or_time", value=f"{day} {at}") from error


def unsaved_item(row: dict, first_day: str, language: str) -> AgendaItem:
    """The row as an agenda item to check against the rules (an item without a day is on the first)."""
    day = row.get("date") or first_day
    kind = row.get("kind")
    return AgendaItem(
        starts_at=local_datetime(day, row.get("start", "")),
        ends_at=local_datetime(day, row.get("end", "")),
        kind=kind if kind in AgendaItem.Kind.values else AgendaItem.Kind.SESSION,
        **in_language(language, title=row.get("title", ""), led_by=row.get("led_by", "")),
    )


def save_item(
    meeting: Meeting, actor, row: dict, item: AgendaItem, language: str, people: dict[str, Person]
) -> None:
    """Save one agenda item with its sub-items and facilitators; a name seen before is the same person."""
    saved = create_agenda_item(
        meeting=meeting,
        actor=actor,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        kind=item.kind,
        title_en=item.title_en,
        title_km=item.title_km,
        led_by_en=item.led_by_en,
        led_by_km=item.led_by_km,
        sub_items=[pair(language, text) for text in lines(row.get("sub_items"))],
    )
    for facilitator in row.get("facilitators") or []:
        name = " ".join((facilitator.get("name") or "").split())
        if not name:
            continue
        if name not in people:
            title, bare = strip_title(name)
            script = "name_km" if has_khmer(bare) else "name_en"
            people[name] = create_person(**{script: bare or name}, title=title)
        confirmed = facilitator.get("tbc") is False
        add_facilitator(
            item=saved,
            actor=actor,
            person=people[name],
            status=Facilitator.Status.CONFIRMED if confirmed else Facilitator.Status.TBC,
            **in_language(language, role=facilitator.get("role") or ""),
        )


def in_language(language: str, **texts: str) -> dict[str, str]:
    """`title="..."` as `title_km="..."` for a Khmer concept note."""
    return {f"{name}_{language}": (text or "").strip() for name, text in texts.items()}


def pair(language: str, text: str) -> tuple[str, str]:
    """An (English, Khmer) pair holding the text in its language."""
    return (text, "") if language == "en" else ("", text)


def lines(texts: list[str] | None) -> list[str]:
    return [" ".join(t.split()) for t in texts or [] if t and t.strip()]


def free_slug(title: str, first_day: str) -> str:
    """A web address from the title (or the date, for a title in Khmer) that no meeting uses yet."""
    base = slugify(title)[:SLUG_LENGTH].strip("-") or f"meeting-{first_day}"
    taken = set(Meeting.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    return next(
        slug for slug in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 2))) if slug not in taken
    )
