"""A concept note's parts: the header (title, date, venue) and its sections, found by their headings.

A heading is a short line naming a known part ("2. Objectives", "EXPECTED RESULTS", "៣.
លទ្ធផលរំពឹងទុក", "Participants: 30-40 ..."), a styled heading (DOCX, Markdown '#'), or a short
numbered line that continues the numbering of the headings before it ("6. Budget").
"""

import re
from dataclasses import dataclass, field

from .model import Line
from .text import normalise

# Known parts, by the words their heading starts with.
_KINDS = (
    (
        "outcomes",
        r"expected\s+(?:outcomes?|results?|outputs?)|outcomes?|results?|outputs?|deliverables|លទ្ធផល",
    ),
    (
        "objectives",
        r"(?:purpose\s+(?:and|&)\s+)?(?:specific\s+|general\s+|main\s+)?(?:objectives?|aims?|goals?)"
        r"|គោលបំណង|គោលដៅ",
    ),
    (
        "introduction",
        r"background|introduction|rationale|context|justification|overview|សាវតារ|សាវតា|សេចក្តីផ្តើម"
        r"|សេចក្ដីផ្ដើម|ប្រវត្តិ|បរិបទ|ហេតុផល",
    ),
    (
        "participants",
        r"(?:target\s+|expected\s+|number\s+of\s+)?(?:participants?|participation|attendees|audience)"
        r"|អ្នកចូលរួម|សមាសភាព",
    ),
    (
        "agenda",
        r"(?:tentative\s+|draft\s+|provisional\s+|proposed\s+)?(?:agenda|programme|program|schedule)"
        r"|របៀបវារៈ|កម្មវិធី",
    ),
    (
        "other",
        r"purpose|methodology|methods?|approach|format|budget|contacts?|organi[sz]ers?|annex(?:es)?|partners"
        r"|follow[- ]up|logistics|venue|dates?(?:\s+and\s+venue)?|location|resources?|risks?|វិធីសាស្ត្រ"
        r"|ថវិកា|ទំនាក់ទំនង|ទីកន្លែង",
    ),
)
_KIND_PATTERNS = tuple((kind, re.compile(rf"(?:{words})(?![a-z])", re.IGNORECASE)) for kind, words in _KINDS)
# A heading's number or letter: "2.", "II.", "B)", "២."; captured to follow the numbering.
_NUMBER = re.compile(r"^\s*(?:(?P<n>\d{1,2})|(?P<roman>[IVX]{1,5})|[A-H])[.)]\s*(?=\S)")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# What may follow a part's name in an unnumbered heading: "... of the workshop", "(3)", nothing.
_NAME_TAIL = re.compile(r"^\s*(?:$|\(|(?:of|and|&|for|on)\s)", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[^:៖]{1,40}?)\s*[:៖]\s*(?P<rest>.*)$")
_BRACKETED = re.compile(r"\([^()]*\)")
MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 120
MAX_KHMER_HEADING = 30  # characters: Khmer writes a heading without spaces between words
_END_PUNCT = (".", ";", ",", "។", "?")


@dataclass
class Section:
    kind: str  # header, introduction, objectives, outcomes, participants, agenda, other
    lines: list[Line] = field(default_factory=list)


def split_sections(lines: list[Line]) -> list[Section]:
    """The header (lines before the first known heading) and each section after it, in order."""
    sections = [Section("header")]
    numbering = _Numbering()
    for line in lines:
        found = _heading(line, numbering, sections[-1].kind)
        if found is None:
            sections[-1].lines.append(line)
            continue
        kind, rest = found
        sections.append(Section(kind))
        if rest:
            sections[-1].lines.append(Line(line.number, rest, wraps=line.wraps))
    return sections


class _Numbering:
    """The number of the last numbered heading and of the last numbered list item after it."""

    def __init__(self) -> None:
        self.heading = 0
        self.item = 0


def _heading(line: Line, numbering: _Numbering, current: str) -> tuple[str, str] | None:
    """(kind, text after a "Label:") if the line is a heading, else None.

    Inside the agenda, PDF text puts table cells ("Time", "Evaluation") on lines of their own:
    only a numbered, styled or upper-case heading ends it there.
    """
    if line.blank or line.cells or (len(line.text) > MAX_HEADING_CHARS and not line.heading):
        return None
    text = normalise(line.text).strip()
    number = _NUMBER.match(text)
    if current == "agenda" and not (number or line.heading or text.isupper()):
        return None
    in_header = current == "header"
    value = _number_value(number)
    body = text[number.end() :] if number else text
    known = _known(body, styled=line.heading, numbered=number is not None)
    if known is not None:
        if value:
            numbering.heading, numbering.item = value, 0
        return known
    if value and numbering.item and value == numbering.item + 1:
        numbering.item = value  # the next item of a numbered list ("3. To agree on ...")
        return None
    if value and value == numbering.heading + 1 and not in_header and _short(body):
        numbering.heading, numbering.item = value, 0
        return "other", ""
    if value == 1 and numbering.heading:
        numbering.item = 1
    if line.heading and not in_header:
        return "other", ""
    return None


def _known(body: str, styled: bool, numbered: bool) -> tuple[str, str] | None:
    """The kind of part a heading text names, and any text after its colon ("Participants: 40").

    An unnumbered, unstyled line must be the name and little else ("Objectives of the workshop"),
    so that an item such as "Participants understand ..." is no heading.
    """
    label = _LABEL.match(body)
    head, rest = (label.group("label"), label.group("rest")) if label else (body, "")
    head = head.strip(" #*").rstrip(":៖ ")
    if not styled and not (_short(head) and (rest or not head.endswith(_END_PUNCT))):
        return None
    for kind, pattern in _KIND_PATTERNS:
        match = pattern.match(head)
        if match and (styled or numbered or rest or _NAME_TAIL.match(head[match.end() :])):
            return (kind, rest) if kind != "other" or not rest else None
    return None


def _short(text: str) -> bool:
    text = _BRACKETED.sub("", text).strip()
    if re.search(r"[\u1780-\u17ff]", text):
        return len(text) <= MAX_KHMER_HEADING
    return 0 < len(text.split()) <= MAX_HEADING_WORDS and not text.endswith(_END_PUNCT)


def _number_value(match: re.Match | None) -> int | None:
    if match is None:
        return None
    if match.group("n"):
        return int(match.group("n"))
    return _ROMAN.get(match.group("roman") or "")


def all_lines(sections: list[Section], kind: str) -> list[Line]:
    return [line for section in sections if section.kind == kind for line in section.lines]
