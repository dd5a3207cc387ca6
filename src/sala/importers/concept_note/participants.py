"""How many participants, and from where: "About 80 participants ...: 45 from CSOs, 10 from media"."""

import re

from .model import Line
from .text import clean, normalise, strip_marker

_NOUN = r"(?:participants?|people|persons|attendees|delegates|representatives|guests|នាក់|រូប|អ្នកចូលរួម)"
# The figure of the target, read in this order: a range, an upper bound, a lower bound, one number.
_FIGURES = (
    ("range", r"(?:between\s+|ពី\s*)?(?P<a>\d{1,5})\s*(?:-|to|and|ទៅ|ដល់)\s*(?P<b>\d{1,5})"),
    (
        "max",
        r"(?:up\s+to|maximum(?:\s+of)?|max\.?|no\s+more\s+than|at\s+most|not\s+exceeding|រហូតដល់|មិនលើស)\s*(?P<b>\d{1,5})",
    ),
    ("min", r"(?:at\s+least|minimum(?:\s+of)?|min\.?|no\s+fewer\s+than|យ៉ាងតិច)\s*(?P<a>\d{1,5})"),
    ("about", r"(?P<a>\d{1,5})"),
)
# A figure counts when a participant noun follows within three words ("30-40 participants from"),
# or when it opens the section ("Participants: 40 to 50 from CSOs").
_FIGURE_PATTERNS = tuple(
    (kind, re.compile(rf"(?<![\d.:/]){pattern}(?![\d:])(?:\s++[^\s\d]++){{0,3}}?\s*+{_NOUN}", re.IGNORECASE))
    for kind, pattern in _FIGURES
)
_OPENING_FIGURES = tuple(
    (
        kind,
        re.compile(
            rf"^\s*(?:about\s+|around\s+|approximately\s+|ប្រមាណ\s*)?{pattern}(?![\d:])", re.IGNORECASE
        ),
    )
    for kind, pattern in _FIGURES
)
# Where the list of categories begins, after the figure: "from", "including", or a colon.
_CATEGORIES_START = re.compile(r"\b(?:from|including|comprising|representing)\b|មកពី|រួមមាន|:|៖", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z]|\s*$)|។|;|\n")
_LATIN_LIST_SEP = re.compile(r"(?<!\s)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)", re.IGNORECASE)
_KHMER_LIST_SEP = re.compile(r"(?<!\s)(?:\s*និង\s*|\s+)")
_COUNTED = re.compile(
    r"^(?P<n>\d{1,5})\s+(?:(?:are\s+|will\s+be\s+)?from\s+|of\s+them\s+from\s+)?(?P<what>.+)$"
)
MAX_TARGET = 100_000
MAX_TEXT = 3000  # the target is in the first sentences of the section
MAX_CATEGORIES = 12


def read_participants(lines: list[Line]) -> dict:
    """{"min", "max", "categories"}: the target of the first sentence that gives one."""
    text = normalise("".join(_joined(line) for line in lines if not line.blank)[:MAX_TEXT])
    matches = [(pattern.search(text), order, kind) for order, (kind, pattern) in enumerate(_FIGURE_PATTERNS)]
    found = [(match.start(), order, kind, match) for match, order, kind in matches if match]
    if not found:
        matches = [
            (pattern.match(text), order, kind) for order, (kind, pattern) in enumerate(_OPENING_FIGURES)
        ]
        found = [(match.start(), order, kind, match) for match, order, kind in matches if match]
    if not found:
        return {"min": None, "max": None, "categories": []}
    _, _, kind, match = min(found, key=lambda item: item[:2])
    low, high = _bounds(kind, match)
    categories = _categories(text[match.end() :])
    if low is not None and high is not None and low > high:
        low = high = None
    return {"min": low, "max": high, "categories": categories}


def _joined(line: Line) -> str:
    """A list item starts a new sentence; a wrapped line goes on the one before."""
    return ("\n" if strip_marker(line.text)[1] else " ") + line.text.strip()


def _bounds(kind: str, match: re.Match) -> tuple[int | None, int | None]:
    groups = match.groupdict()
    low = int(groups["a"]) if groups.get("a") else None
    high = int(groups["b"]) if groups.get("b") else None
    if kind == "about":
        high = low
    if any(value is not None and value > MAX_TARGET for value in (low, high)):
        return None, None
    return low, high


def _categories(after: str) -> list[str]:
    """ "from unions, labour NGOs and legal aid groups." -> the three; "45 from CSOs" -> "CSOs (45)"."""
    sentence = _SENTENCE_END.split(after, maxsplit=1)[0]
    start = _CATEGORIES_START.search(sentence)
    if start is None:
        return []
    listed = sentence[start.end() :].strip()
    khmer = re.search(r"[\u1780-\u17ff]", listed) is not None
    parts = (_KHMER_LIST_SEP if khmer else _LATIN_LIST_SEP).split(listed)
    found = []
    for part in parts:
        part = clean(part)
        counted = _COUNTED.match(part)
        if counted:
            part = f"{clean(counted.group('what'))} ({counted.group('n')})"
        if part:
            found.append(part)
    return found[:MAX_CATEGORIES]
