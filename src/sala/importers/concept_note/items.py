"""One agenda item's text: its title and sub-items, from the lines of its title cell."""

import re

from .text import clean, continues, strip_marker

# "Session 1: Presentation — key notes; findings; Q&A": what follows a spaced long dash are sub-items.
_DASH_SUBS = re.compile(r"^(?P<head>.+?)\s+[—–]\s+(?P<rest>.+)$")
# "Introduction: national anthem; purpose and objectives": a colon, then a list split by ";".
_COLON_SUBS = re.compile(r"^(?P<head>[^:;៖]+)[:៖]\s*(?P<rest>[^;]+(?:;[^;]+)+)$")


def title_and_sub_items(lines: list[str], wraps: bool) -> tuple[str, list[str]]:
    """The first line is the title; bulleted lines are sub-items; a wrapped line goes on the one before.

    Without bullets, a line is a new sub-item unless it reads as the rest of the line above it
    (see `continues`). A title with no sub-item lines may carry them inline ("Head — a; b").
    """
    entries: list[str] = []
    widest = max((len(line.strip()) for line in lines), default=0)
    previous = ""
    for line in lines:
        text, bulleted = strip_marker(line)
        if not text:
            continue
        if entries and not bulleted and _goes_on(previous, line, widest, wraps):
            entries[-1] = f"{entries[-1]} {text}"
        else:
            entries.append(text)
        previous = line
    if not entries:
        return "", []
    title, sub_items = clean(entries[0]), [clean(entry) for entry in entries[1:] if clean(entry)]
    return _inline_sub_items(title) if not sub_items else (title, sub_items)


def _goes_on(previous: str, line: str, widest: int, wraps: bool) -> bool:
    if wraps:
        return continues(previous, line, widest)
    first = line.strip()[:1]
    return first.islower() or first == "("  # a DOCX paragraph is never wrapped, only continued


def _inline_sub_items(title: str) -> tuple[str, list[str]]:
    match = _DASH_SUBS.match(title) or _COLON_SUBS.match(title)
    if not match:
        return title, []
    sub_items = [clean(part) for part in match.group("rest").split(";") if clean(part)]
    return clean(match.group("head")), sub_items
