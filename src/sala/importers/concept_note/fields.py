"""The concept note's fields outside the agenda: title, labelled header lines, venue, lists, prose."""

import re

from .model import Line
from .text import clean, continues, normalise, strip_marker
from .times import MAX_SCAN, find_dates, find_range

# "Date: ...", "Venue: ...", "ម៉ោង៖ ..." (a label of a few words, then a colon).
_LABEL = re.compile(r"^\s*+(?:[-*•]\s*+)?(?P<label>[^:៖|\s][^:៖|]{0,39}?)\s*[:៖]\s*(?P<value>.*)$")
_LABELS = (
    ("title", r"title|theme|ចំណងជើង|ប្រធានបទ"),
    ("date", r"dates?|when|day|កាលបរិច្ឆេទ|ថ្ងៃខែ|ថ្ងៃ"),
    ("time", r"time|hours|ម៉ោង|ពេលវេលា"),
    ("venue", r"venue|location|place|where|address|ទីកន្លែង|ទីតាំង|អាសយដ្ឋាន"),
    ("contact", r"contacts?|tel|telephone|phones?|mobile|hotline|ទូរស័ព្ទ|ទំនាក់ទំនង"),
)
# A label names a field, perhaps with one more word ("Contact person"); "Date and time" names two.
_LABEL_PATTERNS = tuple(
    (key, re.compile(rf"(?:{words})(?:\s+\S+)?", re.IGNORECASE)) for key, words in _LABELS
)
_COMBINED = re.compile(r"\s+(?:and|&|និង)\s+", re.IGNORECASE)
# Lines above the title that only say what the document is.
_DOC_TYPE = re.compile(
    r"^\(?\s*(?:(?:draft\s+|final\s+|revised\s+)?concept\s*note|កំណត់គំនិត)\s*\)?"
    r"(?:\s*\(\s*concept\s*note\s*\))?\s*(?:[:៖\-]|\bon\b|\bfor\b|\bof\b)?\s*",
    re.IGNORECASE,
)
_QUOTES = "\"“”‘’'«»"
# A phone number as Cambodia writes it: "012 345 678", "023 998 877", "+855 12 345 678".
_PHONE = re.compile(
    r"(?<!\w)(?:\+\d{2,3}[\s.-]?\(?0?\d{1,2}\)?|\(?0\d{1,2}\)?)[\s.-]?\d{3}[\s.-]?\d{3,4}(?!\d)"
)
_PHONE_LABEL = r"(?:\b(?:tel|telephone|phones?|mobile|hotline|h/p)\b\.?\s*[:.]?|ទូរស័ព្ទ\s*[:៖]?)"
# Phone numbers with their label and what joins them ("Tel: 023 998 877 / 017 222 333"), to cut out.
_PHONE_LIST = re.compile(
    rf"(?:{_PHONE_LABEL}\s*)?{_PHONE.pattern}(?:\s*(?:/|,|;|and|&|or|និង)\s*{_PHONE.pattern})*", re.IGNORECASE
)
# A piece of an address: a house number, a street, a commune, district or province.
_ADDRESS = re.compile(
    r"#\s?\d|\bno\.?\s?\d|\b(?:street|st\.|road|rd\.|blvd|boulevard|avenue|sangkat|khan|village|commune|district"
    r"|province|building|floor)\b|ផ្លូវ|សង្កាត់|ខណ្ឌ|ភូមិ|ឃុំ|ស្រុក|ខេត្ត|អគារ|ជាន់",
    re.IGNORECASE,
)
MAX_TITLE_LINES = 3


def label_of(line: Line) -> tuple[set[str], str] | None:
    """The header fields a labelled line gives ("Date and time: ..." gives both) and its value."""
    if line.cells:
        return None
    match = _LABEL.match(line.text)
    if not match:
        return None
    label = match.group("label").strip()
    keys = {
        key for part in _COMBINED.split(label) for key, pattern in _LABEL_PATTERNS if pattern.fullmatch(part)
    }
    return (keys, match.group("value").strip()) if keys else None


def labelled(lines: list[Line], key: str) -> list[tuple[Line, str]]:
    """Every line labelled with `key`, and its value."""
    found = []
    for line in lines:
        label = label_of(line)
        if label and key in label[0]:
            found.append((line, label[1]))
    return found


def read_title(header: list[Line], all_lines: list[Line]) -> tuple[str, Line | None]:
    """A "Title:" line, else the first header line that is no label, date, time or address.

    The search starts after a line that only says "Concept Note"; "Concept Note on X" gives X.
    A title wrapped over lines (PDF, hard-wrapped text) is joined.
    """
    for line, value in labelled(all_lines, "title"):
        if value:
            return clean(value.strip(_QUOTES)), line
    lines = [line for line in header if not line.blank]
    for index in range(_after_doc_type(lines), len(lines)):
        line = lines[index]
        text = _without_doc_type(line.text)
        if not _is_title_text(line, text):
            continue
        parts = [text]
        for following in lines[index + 1 : index + MAX_TITLE_LINES]:
            adjacent = following.number == line.number + len(parts)
            if not (line.wraps and adjacent and _is_title_text(following, following.text)):
                break
            if not continues(parts[-1], following.text, len(parts[-1])):  # a title line is a full line
                break
            parts.append(following.text)
        return clean(" ".join(parts).strip(_QUOTES)), line
    return "", None


def _without_doc_type(text: str) -> str:
    match = _DOC_TYPE.match(text.strip())
    return text.strip()[match.end() :] if match else text


def _after_doc_type(lines: list[Line]) -> int:
    """Index of the line after one that only says "Concept Note" (among the first lines), or 0."""
    for index, line in enumerate(lines[:5]):
        if _DOC_TYPE.match(line.text.strip()) and not clean(_without_doc_type(line.text)):
            return index + 1
    return 0


def _is_title_text(line: Line, text: str) -> bool:
    text = clean(text.strip().strip(_QUOTES))[:MAX_SCAN]
    if not text or line.cells or label_of(line) or _PHONE.search(text) or _ADDRESS.search(text):
        return False
    return not find_dates(text) and find_range(text) is None


def read_venue(header: list[Line], others: list[Line], after: Line | None) -> tuple[dict, Line | None]:
    """Name, address and phones from a "Venue:" line, else from an address-like header line.

    Phones of "Contact:" or "Tel:" lines are the venue's phones too (the meeting has one list).
    """
    text, line = _venue_text(header, others, after)
    phones = [] if line is None else _phones(text)
    for _, value in labelled(header + others, "contact"):
        phones += _phones(value)
    name, address = _name_and_address(_PHONE_LIST.sub(" ", text)) if text else ("", "")
    return {"name": name, "address": address, "phones": list(dict.fromkeys(phones))}, line


def _venue_text(header: list[Line], others: list[Line], after: Line | None) -> tuple[str, Line | None]:
    for lines in (header, others):
        for line, value in labelled(lines, "venue"):
            if value:
                return _with_continuation(lines, line, value), line
    start = after.number if after else 0
    for line in header:
        if line.number > start and not line.blank and _looks_like_address(line):
            return _with_continuation(header, line, line.text), line
    return "", None


def _looks_like_address(line: Line) -> bool:
    text = line.text[:MAX_SCAN]
    return bool(_ADDRESS.search(text) or _PHONE.search(text)) and not label_of(line) and not find_dates(text)


def _with_continuation(lines: list[Line], line: Line, text: str) -> str:
    """The value and the lines it runs on to: an open bracket, a trailing comma, a lower-case start."""
    index = lines.index(line)
    for following in lines[index + 1 :]:
        opened = text.count("(") > text.count(")") or text.rstrip().endswith((",", "-"))
        if following.blank or label_of(following) or not (opened or following.text[:1].islower()):
            break
        text = f"{text} {following.text.strip()}"
    return text


def _phones(text: str) -> list[str]:
    return [" ".join(match.group(0).split()) for match in _PHONE.finditer(normalise(text))]


def _name_and_address(text: str) -> tuple[str, str]:
    """ "River Hotel, Hall B, No. 5 Street 9, ..." -> the name, and the address from its first
    address-like part; "Hall of X (#45, Street 271, ...)" -> the name, and what the brackets hold."""
    bracket = re.match(r"^(?P<name>[^(]+)\((?P<inside>[^)]*)\)?", text)
    if bracket and _ADDRESS.search(bracket.group("inside")):
        return _venue_clean(bracket.group("name")), _venue_clean(bracket.group("inside"))
    parts = [part for part in (p.strip() for p in text.split(",")) if part]
    at = next((i for i, part in enumerate(parts) if _ADDRESS.search(part)), None)
    if at is None:
        return _venue_clean(text), ""
    return _venue_clean(", ".join(parts[:at])), _venue_clean(", ".join(parts[at:]))


def _venue_clean(text: str) -> str:
    return clean(text).rstrip(" .,;/(")


def list_items(lines: list[Line]) -> list[str]:
    """The items of a list (objectives, outcomes): marked lines, or paragraphs when none is marked.

    A lead-in ("The workshop aims:") is no item; a wrapped line continues the item before it.
    """
    marked = any(line.listed or strip_marker(line.text)[1] for line in lines if not line.blank)
    widest = max((len(line.text) for line in lines), default=0)
    items: list[str] = []
    previous = None  # the line before, when no blank line came between
    for line in lines:
        if line.blank:
            previous = None
            continue
        text, marker = strip_marker(line.text)
        joins = bool(items) and line.wraps and previous is not None
        if line.listed or marker:
            items.append(text)
        elif joins and (marked or continues(previous.text, line.text, widest)):
            items[-1] = f"{items[-1]} {text}"
        elif not marked and not text.endswith((":", "៖")):
            items.append(text)
        previous = line
    return [item for item in (_item_clean(item) for item in items) if item]


def _item_clean(text: str) -> str:
    return re.sub(r"(?:[;,.]\s*|\s+(?:and|or))+$", "", clean(text))


def prose(lines: list[Line]) -> str:
    """Paragraphs of text, wrapped lines joined, separated by a blank line."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.blank or not line.wraps or strip_marker(line.text)[1]:
            paragraphs.append([])
        if not line.blank:
            paragraphs[-1].append(line.text.strip())
        if not line.wraps:
            paragraphs.append([])
    return "\n\n".join(" ".join(words) for words in paragraphs if words)
