"""A concept note (txt, md, docx, pdf; English or Khmer) to a meeting draft, as plain data.

    parse_concept_note(data, filename) -> dict    # raises ImportProblem

The draft has the JSON shape of `sala import_concept_note --json`. What the parser cannot read
with confidence it leaves empty and reports in "warnings" (code, line, field, text), so the
organiser's preview can point at the line; it never guesses. Times are 24-hour "HH:MM"; every
agenda item it returns starts before it ends.
"""

from datetime import date

from .agenda import read_agenda
from .documents import MAX_BYTES, MAX_PAGES, read_lines
from .fields import labelled, list_items, prose, read_title, read_venue
from .model import Line, warning
from .participants import read_participants
from .sections import Section, all_lines, split_sections
from .text import is_khmer
from .times import find_dates, find_range, hhmm, leading_time, resolve_dates

__all__ = ["MAX_BYTES", "MAX_PAGES", "parse_concept_note"]

MAX_HEADER_LINES = 60  # title, date, time and venue come before this; a long "header" is no header


def parse_concept_note(data: bytes, filename: str) -> dict:
    """The meeting draft in a concept note's bytes; an unreadable document raises ImportProblem."""
    lines = read_lines(data, filename)
    sections = split_sections(lines)
    header = all_lines(sections, "header")[:MAX_HEADER_LINES]
    outside_agenda = [line for section in sections if section.kind != "agenda" for line in section.lines]
    warnings: list[dict] = []

    title, title_line = read_title(header, outside_agenda)
    if not title:
        warnings.append(warning("concept_note.title_missing", "title"))
    dates = _meeting_dates(header, outside_agenda, warnings)
    window = _meeting_time(header, outside_agenda, warnings)
    venue, _ = read_venue(header, [line for line in outside_agenda if line not in header], title_line)
    agenda = read_agenda(_agenda_lines(sections), dates, window[1] if window else None)
    dates = sorted({*dates, *agenda.day_dates})
    if not dates:
        warnings.append(warning("concept_note.date_missing", "dates"))
    if window is None and agenda.items:
        window = _agenda_window(agenda.items)
    text = "\n".join(line.text for line in lines)
    return {
        "title": title,
        "language": "km" if is_khmer(text) else "en",
        "dates": [day.isoformat() for day in dates],
        "start": hhmm(window[0]) if window else None,
        "end": hhmm(window[1]) if window else None,
        "venue": venue,
        "introduction": prose(all_lines(sections, "introduction")),
        "objectives": list_items(all_lines(sections, "objectives")),
        "expected_outcomes": list_items(all_lines(sections, "outcomes")),
        "participants": read_participants(all_lines(sections, "participants")),
        "agenda_note": agenda.note,
        "agenda": agenda.items,
        "warnings": warnings + agenda.warnings,
    }


def _meeting_dates(header: list[Line], others: list[Line], warnings: list[dict]) -> list[date]:
    """The dates on "Date:" lines, else on the first header line that has one."""
    dated = [(line, value) for line, value in labelled(others, "date") if value]
    dated = dated or [(line, line.text) for line in header if find_dates(line.text)][:1]
    for line, value in dated:
        mentions = find_dates(value)
        found = resolve_dates(mentions, None)
        if any(mention.ambiguous for mention in mentions):
            warnings.append(warning("concept_note.date_ambiguous", "dates", line, value))
        if found:
            return sorted(set(found))
        warnings.append(warning("concept_note.date_unreadable", "dates", line, value))
    return []


def _meeting_time(header: list[Line], others: list[Line], warnings: list[dict]) -> tuple[int, int] | None:
    """The meeting's hours from a "Time:" line, else from a header line with a time range."""
    timed = [(line, value) for line, value in labelled(others, "time") if value]
    read = {line for line, _ in timed}
    timed += [(line, line.text) for line in header if line not in read and find_range(line.text)][:1]
    for line, value in timed:
        found = find_range(value)
        if found is not None and found.ordered:
            return found.start, found.end
        code = "concept_note.time_reversed" if found else "concept_note.time_unreadable"
        warnings.append(warning(code, "start", line, value))
    return None


def _agenda_lines(sections: list[Section]) -> list[Line]:
    """The agenda section; without one, the rest of the document from its first table row or time."""
    lines = all_lines(sections, "agenda")
    if lines:
        return lines
    rest = [line for section in sections if section.kind in ("header", "other") for line in section.lines]
    start = next((i for i, line in enumerate(rest) if line.cells or leading_time(line.text)), len(rest))
    return rest[start:]


def _agenda_window(items: list[dict]) -> tuple[int, int]:
    """From the first item's start to the last item's end (over all days)."""
    first = min(items, key=lambda item: (item["date"] or "", item["start"]))
    last = max(items, key=lambda item: (item["date"] or "", item["end"]))
    return _minutes(first["start"]), _minutes(last["end"])


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)
