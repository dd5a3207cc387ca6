"""Split a draft law's text into chapters, sections and articles, by the shape of its lines.

A heading is a line that starts with a keyword and a number ("CHAPTER 1", "Art. 12 -",
"មាត្រា ១២ ថ្មី"); what follows the number decides whether it is a heading or a sentence
that happens to start with "Article 5 of this law". Every line of the text ends up in
exactly one place (preamble, a heading, or a body), which `join_draft` proves.
"""

import re
from dataclasses import dataclass

from sala.importers.draft_law.numbering import WORD_NUMBER, has_suffix, number_value
from sala.importers.draft_law.structure import Article, Chapter, Draft, Section
from sala.importers.problems import Finding

# Whitespace as drafts have it: spaces, tabs and the zero-width characters typed in Khmer.
_SPACE = r"[\s\u200b\u200c\u200d\ufeff]"
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")
_RUN_OF_SPACES = re.compile(r"\s+")  # "12  bis" is written "12 bis"
# Indentation, then an optional Markdown heading mark ("## ") and emphasis ("**").
_PREFIX = r"^[ \t]*(?:\#{1,6}[ \t]+)?[*_]{0,2}"
_DIGITS = r"[0-9០-៩]+"
_ROMAN = r"[IVXLCDM]+(?![A-Za-z])"  # checked by its value: "CIVIL" has the letters but is no numeral
_KEYWORDS = {
    "chapter": r"chapter|ជំពូក(?:ទី)?",
    "section": r"section|sect\.|ផ្នែក(?:ទី)?",
    "article": r"article|art\.?|មាត្រា(?:ទី)?",
}
_NUMBERS = {
    "chapter": rf"{_DIGITS}|{WORD_NUMBER}(?![A-Za-z])|{_ROMAN}",
    "section": rf"{_DIGITS}|{WORD_NUMBER}(?![A-Za-z])|{_ROMAN}",
    "article": _DIGITS,
}
# What may follow a number and still be part of it: "12 bis", "12 (new)", "១២ ថ្មី", "12A".
_SUFFIX = (
    rf"(?:{_SPACE}*(?:bis|ter|quater|quinquies|sexies)(?![A-Za-z])"
    rf"|{_SPACE}*\(new\)|{_SPACE}*ថ្មី|(?<=[0-9])[A-Za-z](?![A-Za-z]))?"
)
# A candidate heading line, per kind: keyword, number, suffix, and the rest of the line.
_CANDIDATES = {
    kind: re.compile(
        rf"{_PREFIX}(?:{keyword}){_SPACE}*(?P<number>{_NUMBERS[kind]})(?P<suffix>{_SUFFIX})(?P<rest>.*)$",
        re.IGNORECASE,
    )
    for kind, keyword in _KEYWORDS.items()
}
# After the number: a delimiter, then the heading ("Article 1: Purpose", "Art. 12 - ", "ARTICLE 5.").
# A colon may touch the heading; a dot or dash must be followed by a space, so "5.2" is no heading.
_DELIMITED = re.compile(r"^\s*(?:[:៖][:៖.\-–—]*|[.\-–—]+(?=\s|$))\s*(?P<heading>.*)$")
# Ends of sentences and clauses: a line ending so is body text, not a heading.
_SENTENCE_END = (".", ",", ";", ":", "!", "?", "។", "៕", "៖")
_MARKUP = " \t*_#"
_MAX_HEADING = 100


@dataclass
class _Heading:
    """A heading found at `line` (0-based), spanning lines up to `last` inclusive."""

    kind: str
    number: str
    heading: str
    line: int
    last: int


def split_draft(text: str) -> Draft:
    """The draft's structure; numbering that jumps or goes back is a warning, never lost text."""
    lines = [line.rstrip() for line in text.splitlines()]
    headings = _find_headings(lines)
    starts = [h.line for h in headings] + [len(lines)]
    draft = Draft(preamble=_body(lines, 0, starts[0]))
    chapter: Chapter | None = None
    section: Section | None = None
    for found, end in zip(headings, starts[1:], strict=True):
        common = {
            "number": found.number,
            "number_value": number_value(found.number),
            "heading": found.heading,
            "line": found.line + 1,
            "source": "\n".join(lines[found.line : found.last + 1]),
        }
        body = _body(lines, found.last + 1, end)
        if found.kind == "chapter":
            chapter, section = Chapter(**common, text=body), None
            draft.chapters.append(chapter)
        elif found.kind == "section":
            if chapter is None:
                chapter = Chapter(number="", number_value=None, heading="", line=found.line + 1)
                draft.chapters.append(chapter)
            section = Section(**common, text=body)
            chapter.sections.append(section)
        else:
            holder = section or chapter or draft
            holder.articles.append(Article(**common, text=body))
    draft.warnings = _numbering_findings(draft)
    if not draft.all_articles():
        draft.warnings.append(Finding("draft.no_articles"))
    return draft


def _body(lines: list[str], start: int, end: int) -> str:
    """The lines as a text with its paragraphs, without blank lines around it."""
    return "\n".join(lines[start:end]).strip("\n")


def _find_headings(lines: list[str]) -> list[_Heading]:
    found: list[_Heading] = []
    index = 0
    while index < len(lines):
        heading = _heading_at(lines, index)
        if heading:
            found.append(heading)
            index = heading.last
        index += 1
    return found


def _candidate(lines: list[str], index: int) -> tuple[str, str, str | None] | None:
    """(kind, number, inline heading or None when the line is only the number), or None."""
    for kind, pattern in _CANDIDATES.items():
        match = pattern.match(lines[index])
        if not match or number_value(match["number"]) is None:  # "CIVIL" is no roman numeral
            continue
        number = _RUN_OF_SPACES.sub(" ", _ZERO_WIDTH.sub("", match["number"] + match["suffix"])).strip()
        rest = match["rest"]
        bare = rest.strip(_MARKUP)
        if not bare:
            return kind, number, None
        delimited = _DELIMITED.match(rest.lstrip("*_"))
        if delimited:
            return kind, number, delimited["heading"].strip(_MARKUP) or None
        if (rest[0].isspace() or rest[0] in "*_\u200b") and _looks_like_title(bare):
            return kind, number, bare
    return None


def _heading_at(lines: list[str], index: int) -> _Heading | None:
    candidate = _candidate(lines, index)
    if candidate is None:
        return None
    kind, number, inline = candidate
    following = _next_filled(lines, index + 1)
    if inline is not None:
        return _Heading(kind, number, inline, index, index)
    if following is not None and following == index + 1 and lines[following].lstrip()[:1].islower():
        return None  # "Article 5" wrapped to the start of a line, and the sentence goes on
    if following is not None and _is_title_line(lines, following, needs_body=kind == "article"):
        return _Heading(kind, number, lines[following].strip(_MARKUP), index, following)
    return _Heading(kind, number, "", index, index)


def _next_filled(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _is_title_line(lines: list[str], index: int, *, needs_body: bool) -> bool:
    """A short line after a bare number is its heading; an article's needs a body after it."""
    if _candidate(lines, index) or not _looks_like_title(lines[index].strip(_MARKUP)):
        return False
    if not needs_body:
        return True
    after = _next_filled(lines, index + 1)
    return after is not None and _candidate(lines, after) is None


def _looks_like_title(text: str) -> bool:
    """Short, not ending a sentence, and starting with a capital or a Khmer letter."""
    return (
        0 < len(text) <= _MAX_HEADING
        and text[0].isalpha()
        and not text[0].islower()
        and not text.endswith(_SENTENCE_END)
    )


def _numbering_findings(draft: Draft) -> list[Finding]:
    findings = _sequence_findings([c for c in draft.chapters if c.source])
    previous_section = None
    for chapter in draft.chapters:
        for position, section in enumerate(chapter.sections):
            restart = position == 0 and section.number_value == 1
            findings += _sequence_findings([section], None if restart else previous_section)
            previous_section = section.number_value or previous_section
    findings += _sequence_findings(draft.all_articles())
    return sorted(findings, key=lambda f: f.params["line"])


def _sequence_findings(items: list, previous: int | None = None) -> list[Finding]:
    """Each number should be the previous one plus one; "12 bis" may repeat 12."""
    findings = []
    for item in items:
        value = item.number_value
        if value is None:
            continue
        expected = 1 if previous is None else previous + 1
        if value != expected and not (value == previous and has_suffix(item.number)):
            code = "draft.numbering_gap" if value > expected else "draft.numbering_back"
            findings.append(Finding(code, {"line": item.line, "number": item.number, "expected": expected}))
        previous = value
    return findings
