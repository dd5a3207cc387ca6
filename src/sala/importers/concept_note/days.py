"""Day headings of an agenda: "Day 1 – 14 October 2021", "DAY TWO", "ថ្ងៃទី២", "Friday, 15 October 2021"."""

import re
from datetime import date

from .model import Line
from .text import normalise
from .times import find_dates, resolve_dates

# "Day 1", "DAY TWO", "First day", "ថ្ងៃទី ១" (a Khmer day number, when no month follows).
_DAY = re.compile(
    r"^\s*(?:day\s*(?P<n>\d{1,2}|one|two|three|four|five)\b|(?P<ord>first|second|third|fourth|fifth)\s+day\b"
    r"|ថ្ងៃទី\s*(?P<km>\d{1,2})(?!\d))",
    re.IGNORECASE,
)
_DAY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_WEEKDAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|ថ្ងៃ(?:ចន្ទ|អង្គារ|ពុធ|ព្រហស្បតិ៍|សុក្រ|សៅរ៍|អាទិត្យ)",
    re.IGNORECASE,
)
MAX_DAY_HEADING_WORDS = 10


def day_heading(line: Line, year: int | None) -> tuple[date | None, int | None] | None:
    """(date, day number) if the line (or the one filled cell of a row) heads a day of the agenda.

    "Day 2", "ថ្ងៃទី២", or a date with at most a weekday before it ("Friday, 15 October 2021").
    """
    filled = [cell for cell in line.cells if cell.strip()]
    if line.cells and len(filled) != 1:
        return None
    text = normalise(filled[0] if line.cells else line.text).strip()
    if len(text.split()) > MAX_DAY_HEADING_WORDS:
        return None
    number = _day_number(text)
    mentions = find_dates(text)
    if number is None and (not mentions or _WEEKDAY.sub("", text[: mentions[0].start]).strip(" ,:-|")):
        return None
    found = resolve_dates(mentions, year)
    return (found[0] if found else None), number


def _day_number(text: str) -> int | None:
    match = _DAY.match(text)
    if match is None:
        return None
    if match.group("km"):
        return None if re.search(r"ខែ", text) else int(match.group("km"))
    if match.group("ord"):
        return _ORDINALS[match.group("ord").lower()]
    value = match.group("n").lower()
    return _DAY_WORDS.get(value) or int(value)
