"""The agenda, read by the shape of its lines, whatever the words.

An item starts where a line (or a table row's first cells) starts with a time range; the
lines after it, until the next time, belong to it. In a table row the columns say what a cell
is (time, title, facilitators). Without cells (PDF text, plain text) each line is placed by
its shape: a line starting with an honorific starts a facilitator, later lines continue that
facilitator's role, bulleted lines are sub-items, a short group name ("Secretariat") leads
the item, and a line cut by wrapping goes on the one above. When PDF text lets a facilitator's
role run into the next row ("Ms. Chan Thida," ... "Director of CDI"), the role goes back.

Day headings ("Day 1 – 14 October 2021", "ថ្ងៃទី២", "Friday, 15 October 2021") set the date of
the items after them. An item whose time cannot be read, or runs backwards, is left out with a
warning: a missing item is seen in the preview, a wrong time is not.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from .columns import FACILITATORS, TITLE, Layout, header_layout
from .days import day_heading
from .items import title_and_sub_items
from .kinds import kind_of
from .model import Line, warning
from .people import (
    Facilitator,
    is_group,
    read_facilitators,
    split_at_person,
    split_trailing_group,
    starts_with_person,
)
from .tbc import split_tbc
from .text import continues, strip_marker
from .times import (
    DAY_MINUTES,
    TimeRange,
    hhmm,
    leading_time,
    looks_like_time,
    shift_to_afternoon,
)

FIELD = "agenda"
# "Note: the agenda may change", "N.B.", "ចំណាំ៖": the note on agenda changes, after its label.
_NOTE = re.compile(
    r"^\s*+(?:\*+\s*+)?(?:(?:please\s+)?note(?![a-z])|n\.\s?b\.?|remarks?(?![a-z])|ចំណាំ|កំណត់សម្គាល់|សម្គាល់)"
    r"[^:៖\n]{0,40}[:៖]\s*(?P<text>.*)$",
    re.IGNORECASE,
)
# The same note written as a sentence ("The agenda is subject to change").
_NOTE_SENTENCE = re.compile(
    r"\b(?:agenda|programme|program)\b.{0,60}"
    r"\b(?:subject to change|may (?:be )?change|tentative|may be adjusted)"
    r"|របៀបវារៈ.{0,60}(?:អាចនឹង|អាច).{0,10}(?:ផ្លាស់ប្តូរ|កែប្រែ)",
    re.IGNORECASE,
)
MAX_CELL_LINE_WORDS = 6  # a line after a blank one, this short, is the next cell (PDF text)
_SPACED_CELLS = re.compile(r"\s{2,}|\t")  # columns of a plain-text row


@dataclass
class _Item:
    line: Line
    time: TimeRange
    date: date | None
    layout: Layout | None
    parts: list[tuple[str, str, bool]] = field(default_factory=list)  # (role, text, may be wrapped)
    seen_blank: bool = False
    facilitators: list[Facilitator] = field(default_factory=list)
    dropped: bool = False

    def has(self, role: str) -> bool:
        return any(part_role == role for part_role, _, _ in self.parts)

    def texts(self, role: str) -> list[str]:
        return [text for part_role, text, _ in self.parts if part_role == role]


@dataclass
class Agenda:
    items: list[dict]
    note: str
    day_dates: list[date]  # dates named by day headings
    warnings: list[dict]


def read_agenda(lines: list[Line], dates: list[date], meeting_end: int | None) -> Agenda:
    reader = _Reader(dates, meeting_end)
    for line in _with_split_times_joined(lines):
        reader.feed(line)
    return reader.finish()


def _with_split_times_joined(lines: list[Line]) -> list[Line]:
    """PDF text breaks a narrow time cell: "08:00 -" / "08:30", or "2:10-3:15" / "pm Session 1"."""
    joined: list[Line] = []
    last = None  # index in `joined` of the last line with text
    for line in lines:
        previous = joined[last] if last is not None else None
        if previous and not line.blank and not line.cells and _time_goes_on(previous, line):
            joined[last] = Line(previous.number, f"{previous.text} {line.text.strip()}", wraps=previous.wraps)
            del joined[last + 1 :]
            continue
        joined.append(line)
        if not line.blank:
            last = len(joined) - 1
    return joined


def _time_goes_on(previous: Line, line: Line) -> bool:
    """Whether `line` completes the time that `previous` is made of (reads further into it)."""
    if previous.cells:
        return False
    found = leading_time(previous.text)
    if found is None or previous.text[found.end_index :].strip(" -–—~"):
        return False
    text = previous.text.rstrip()
    longer = leading_time(f"{text} {line.text.strip()}")
    return longer is not None and longer.end_index > len(text) and (not longer.single or longer.suffixed)


class _Reader:
    """Feeds lines one by one into items; see the module docstring for the rules."""

    def __init__(self, dates: list[date], meeting_end: int | None) -> None:
        self.dates = dates
        self.meeting_end = meeting_end
        self.items: list[_Item] = []
        self.current: _Item | None = None
        self.header: Layout | None = None
        self.note: list[str] = []
        self.in_note = False
        self.day: date | None = dates[0] if dates else None
        self.day_index = 0
        self.headed = False  # the agenda has day headings: they, not the clock, set the dates
        self.previous: TimeRange | None = None
        self.day_dates: list[date] = []
        self.warnings: list[dict] = []

    # ---- lines -------------------------------------------------------------------------------

    def feed(self, line: Line) -> None:
        if line.blank:
            self.in_note = False
            if self.current and self.current.parts:
                self.current.seen_blank = True
            return
        found = self._time_of(line)
        if found is None and self._note(line):
            return
        if found is not None:
            self._close()
            self._open(line, *found)
            return
        day = day_heading(line, self.dates[0].year if self.dates else None)
        if day is not None:
            self._close()
            self._start_day(line, *day)
        elif looks_like_time(line.cells[0] if line.cells else line.text):
            self._close()
            self.warnings.append(warning("concept_note.time_unreadable", FIELD, line, _time_text(line)))
            self.current = _Item(line, TimeRange(0, 0, 0, True), None, None, dropped=True)
        elif self.current is not None:
            self._continue(line)
        elif line.cells and header_layout(line.cells):
            self.header = header_layout(line.cells)

    def _note(self, line: Line) -> bool:
        """A note on agenda changes, or its next line; it ends the item before it."""
        match = _NOTE.match(line.text)
        if match or _NOTE_SENTENCE.search(line.text):
            self._close()
            self.note.append(match.group("text") if match else line.text.strip())
            self.in_note = True
            return True
        if self.in_note and line.wraps and not line.cells:
            self.note.append(line.text.strip())
            return True
        self.in_note = False
        return False

    def _time_of(self, line: Line) -> tuple[TimeRange, Layout | None, str] | None:
        """The time a line starts with, the row's layout, and the text after the time."""
        if line.cells:
            for index, cell in enumerate(line.cells[:2]):
                found = leading_time(cell)
                if found is not None:
                    rest = cell[found.end_index :]
                    return found, self._layout(line.cells, index, bool(rest.strip())), rest
            return None
        found = leading_time(line.text)
        return None if found is None else (found, None, line.text[found.end_index :])

    def _layout(self, cells: tuple[str, ...], time: int, title_in_time_cell: bool) -> Layout:
        if self.header and self.header.time == time and not title_in_time_cell:
            return self.header
        last = len(cells) - 1
        title = None if title_in_time_cell else time + 1
        facilitators = last if last > (title if title is not None else time) else None
        return Layout(time, title, facilitators)

    def _open(self, line: Line, time: TimeRange, layout: Layout | None, rest: str) -> None:
        time = self._afternoon(line, time)
        self._next_day_if_clock_went_back(time)
        item = _Item(line, time, self.day, layout)
        self.current = item
        if not time.single and not time.ordered:
            self.warnings.append(warning("concept_note.time_reversed", FIELD, line, _time_text(line)))
            item.dropped = True
            return
        self.previous = time
        if layout is not None:
            self._add_text(item, TITLE, rest, wraps=False)
            self._add_cells(item, line.cells)
        else:
            self._add_title_line(item, rest, line.wraps)

    def _afternoon(self, line: Line, time: TimeRange) -> TimeRange:
        previous_end = self.previous.end if self.previous else None
        shifted = shift_to_afternoon(time, previous_end)
        if shifted is None:
            return time
        self.warnings.append(warning("concept_note.time_afternoon_assumed", FIELD, line, _time_text(line)))
        return shifted

    def _next_day_if_clock_went_back(self, time: TimeRange) -> None:
        """Without day headings, a time earlier than the item before starts the next listed day."""
        if self.headed or self.previous is None or time.start >= self.previous.start:
            return
        if self.day_index + 1 < len(self.dates):
            self.day_index += 1
            self.day = self.dates[self.day_index]
            self.previous = None

    def _start_day(self, line: Line, day: date | None, number: int | None) -> None:
        self.headed = True
        self.previous = None
        if day is None and number is not None and 0 < number <= len(self.dates):
            day = self.dates[number - 1]
        if day is None:
            self.warnings.append(warning("concept_note.day_unknown", FIELD, line))
        else:
            self.day_dates.append(day)
        self.day = day

    def _add_title_line(self, item: _Item, rest: str, wraps: bool) -> None:
        """An item's first plain line of text: title, then facilitators (two spaces or a name apart)."""
        chunks = [chunk for chunk in _SPACED_CELLS.split(rest.strip(" |-–:")) if chunk.strip()]
        if len(chunks) > 1:
            self._add_text(item, TITLE, chunks[0], wraps)
            for chunk in chunks[1:]:
                self._add_text(item, FACILITATORS, chunk, wraps)
            return
        title, people = split_at_person(chunks[0]) if chunks else ("", "")
        if not people and wraps:
            title, people = split_trailing_group(title)
        self._add_text(item, TITLE, title, wraps)
        self._add_text(item, FACILITATORS, people, wraps)

    def _continue(self, line: Line) -> None:
        item = self.current
        if item.layout is not None and line.cells:
            self._add_cells(item, line.cells)
            return
        text = line.text.strip()
        _, bulleted = strip_marker(text)
        wraps = line.wraps and not line.cells
        if starts_with_person(text) or (item.has(FACILITATORS) and not bulleted):
            role = FACILITATORS
        elif not item.has(TITLE):
            self._add_title_line(item, text, wraps)
            return
        elif not bulleted and wraps and continues(item.texts(TITLE)[-1], text, 0):
            role = TITLE  # the title or sub-item above, wrapped
        elif item.seen_blank and not bulleted and len(text.split()) <= MAX_CELL_LINE_WORDS:
            role = FACILITATORS  # after a blank line, PDF text starts the next cell of the row
        else:
            role = FACILITATORS if is_group(text) and not bulleted else TITLE
        self._add_text(item, role, text, wraps)

    def _add_cells(self, item: _Item, cells: tuple[str, ...]) -> None:
        for index in item.layout.reading_order(len(cells)):
            role = item.layout.role(index)
            if role is not None:
                for text in cells[index].split("\n"):
                    self._add_text(item, role, text, wraps=False)

    @staticmethod
    def _add_text(item: _Item, role: str, text: str, wraps: bool) -> None:
        if text.strip():
            item.parts.append((role, text.strip(), wraps))

    # ---- items -------------------------------------------------------------------------------

    def _close(self) -> None:
        item, self.current = self.current, None
        if item is None or item.dropped:
            return
        self._give_back_run_on_role(item)
        item.facilitators, unnamed = read_facilitators(item.texts(FACILITATORS))
        for text in unnamed:
            self.warnings.append(warning("concept_note.facilitator_unnamed", FIELD, item.line, text))
        self.items.append(item)

    def _give_back_run_on_role(self, item: _Item) -> None:
        """PDF text: "Ms. Chan Thida," ends one row, and her role opens the next row's cell.

        The role is the first facilitator line if it names no one, or else the line just above
        the first name when that line was taken for a sub-item.
        """
        before = self.items[-1] if self.items else None
        if before is None or not before.facilitators or not before.facilitators[-1].open:
            return
        first = next(
            (i for i, (role, _, wraps) in enumerate(item.parts) if role == FACILITATORS and wraps), None
        )
        if first is None:
            return
        if starts_with_person(item.parts[first][1]):
            first -= 1
            title_lines = [i for i, part in enumerate(item.parts) if part[0] == TITLE]
            if (
                first not in title_lines[1:]
                or strip_marker(item.parts[first][1])[1]
                or not item.parts[first][2]
            ):
                return
        role_text, tbc = split_tbc(item.parts[first][1])
        before.facilitators[-1].add_role(role_text, tbc)
        del item.parts[first]

    def finish(self) -> Agenda:
        self._close()
        items, kept = [], []
        for index, item in enumerate(self.items):
            if item.time.single and not self._end_from_next(item, self.items[index + 1 : index + 2]):
                continue
            items.append(_as_json(item))
            kept.append(item)
        if not items:
            self.warnings.append(warning("concept_note.agenda_missing", FIELD))
        _point_at_rows(self.warnings, kept)
        return Agenda(items, " ".join(self.note).strip(), self.day_dates, self.warnings)

    def _end_from_next(self, item: _Item, following: list[_Item]) -> bool:
        """A lone start time ends when the next item starts (or the meeting ends)."""
        following = [other for other in following if other.date == item.date]
        end = following[0].time.start if following else self.meeting_end
        if end is None or not item.time.start < end <= DAY_MINUTES:
            self.warnings.append(
                warning("concept_note.end_time_missing", FIELD, item.line, _time_text(item.line))
            )
            return False
        item.time = TimeRange(item.time.start, end, item.time.end_index, item.time.suffixed)
        self.warnings.append(
            warning("concept_note.end_time_inferred", FIELD, item.line, _time_text(item.line))
        )
        return True


# Which part of an agenda row a warning is about, so the preview can highlight that field.
_ROW_FIELD = {
    "concept_note.time_afternoon_assumed": "start",
    "concept_note.end_time_inferred": "end",
    "concept_note.day_unknown": "date",
    "concept_note.facilitator_unnamed": "facilitators",
}


def _point_at_rows(warnings: list[dict], kept: list[_Item]) -> None:
    """A warning about an item that was kept points at its row: "agenda[3].end"."""
    row_of_line = {item.line.number: index for index, item in enumerate(kept)}
    for found in warnings:
        row = row_of_line.get(found["line"])
        if found["field"] == FIELD and row is not None and found["code"] in _ROW_FIELD:
            found["field"] = f"{FIELD}[{row}].{_ROW_FIELD[found['code']]}"


def _as_json(item: _Item) -> dict:
    wraps = any(plain for _, _, plain in item.parts)
    title, sub_items = title_and_sub_items(item.texts(TITLE), wraps)
    return {
        "date": item.date.isoformat() if item.date else None,
        "start": hhmm(item.time.start),
        "end": hhmm(item.time.end),
        "kind": kind_of(title, sub_items),
        "title": title,
        "sub_items": sub_items,
        "facilitators": [facilitator.as_json() for facilitator in item.facilitators],
    }


def _time_text(line: Line) -> str:
    return line.cells[0] if line.cells else line.text
