"""Which row is the header, and which column holds which field.

Secretariats write headers in English or Khmer, with or without spaces, brackets or
words around them; each field is recognised by the words it contains, not by a fixed list.
"""

import re
from collections.abc import Callable

from .text import has_khmer, words
from .values import title

FIELDS = (
    "name_latin",
    "name_khmer",
    "title",
    "gender",
    "organisation",
    "acronym",
    "organisation_type",
    "position",
    "email",
    "phone",
)
NAME_FIELDS = ("name_latin", "name_khmer")
HEADER_SEARCH_ROWS = 10
_NAME = "name"  # a name column whose script is decided by the names in it

# Tried in this order on the header's words: the first that matches wins. The order settles
# overlaps: "organisation type" is a type, "ឈ្មោះស្ថាប័ន" (organisation name) an organisation,
# "ប្រភេទ" (type) contains "ភេទ" (sex), "job title" is a position.
_RULES = tuple(
    (field, re.compile(pattern))
    for field, pattern in (
        ("email", r"\b(e ?)?mails?\b|អ៊ីមែល|អ៉ីមែល|មែល|ម៉ែល"),
        ("phone", r"\b(tele?phones?|phones?|tel|mobiles?|cell|hp|handphone)\b|ទូរស័ព្ទ|ទូរសព្ទ"),
        ("organisation_type", r"\b(types?|sector|kind)\b|ប្រភេទ|វិស័យ"),
        ("acronym", r"\b(acronym|abbr|abbreviation|short name)\b|អក្សរកាត់"),
        (
            "organisation",
            r"\b(organi[sz]ations?|orgs?|institutions?|affiliation|agency|company|employer)\b"
            r"|អង្គការ|ស្ថាប័ន",
        ),
        ("gender", r"\b(gender|sex)\b|ភេទ"),
        ("title", r"\b(honorific|salutation|prefix|courtesy)\b|គោរម"),
        ("position", r"\b(position|title|job|role|function|designation|occupation)\b|តួនាទី|មុខតំណែង|មុខងារ"),
        (_NAME, r"\b(names?|surname|full ?name)\b|ឈ្មោះ|នាម"),
    )
)
_KHMER_HINT = re.compile(r"\b(khmer|km|kh)\b|ខ្មែរ")
_LATIN_HINT = re.compile(r"\b(latin|english|roman|romani[sz]ed|en)\b|ឡាតាំង|អង់គ្លេស")


def header_field(text: str) -> str | None:
    """The field a header cell names: one of FIELDS, `_NAME` for a name in either script, or None."""
    said = words(text)
    for field, pattern in _RULES:
        if pattern.search(said):
            if field != _NAME:
                return field
            if _KHMER_HINT.search(said):
                return "name_khmer"
            return "name_latin" if _LATIN_HINT.search(said) else _NAME
    return None


def is_header(cells: list[str]) -> bool:
    """A header names at least two fields, so a title row such as "Participant list" is not one."""
    return sum(header_field(cell) is not None for cell in cells) >= 2


def detect_mapping(headers: list[str], rows: list[list[str]]) -> dict[int, str]:
    """Column index -> field, from the header and, where the header is not enough, the data.

    A name column goes to the script most of its names are written in, whatever its header
    says; a "Title" column holding mostly honorifics (Mr, H.E., លោក) is the title, not the position.
    """
    mapping = {}
    for index, header in enumerate(headers):
        field = header_field(header)
        if field is None:
            continue
        column = [row[index] for row in rows if index < len(row) and row[index].strip()]
        if field in (_NAME, *NAME_FIELDS) and column:
            field = "name_khmer" if _mostly(has_khmer, column) else "name_latin"
        elif field == _NAME:
            field = "name_latin"
        elif field == "position" and column and _mostly(lambda cell: title(cell) is not None, column):
            field = "title"
        mapping[index] = field
    return mapping


def _mostly(test: Callable[[str], bool], cells: list[str]) -> bool:
    return sum(map(test, cells)) * 2 > len(cells)
