"""The kind of an agenda item, from the words of its title (the AgendaItem.Kind values)."""

import re

DEFAULT_KIND = "session"
# Checked in order: "Welcome coffee" is a break, "Group presentations and plenary" a plenary.
_KINDS = (
    ("registration", r"\bregist(?:ration|er|ering)\b|\barrival\b|\bcheck[- ]?in\b|ចុះឈ្មោះ"),
    (
        "break",
        r"\b(?:break|lunch|coffee|tea|refreshments?|snacks?|dinner|breakfast|pause)\b|សម្រាក|អាហារ",
    ),
    (
        "closing",
        r"\bclos(?:ing|e|ure)\b|\bconclu(?:sion|sions|ding|de)\b|\bwrap[- ]?up\b|\bway forward\b|\bfarewell\b"
        r"|បិទ|សន្និដ្ឋាន",
    ),
    ("opening", r"\bopening\b|\bwelcom(?:e|ing)\b|\bnational anthem\b|ស្វាគមន៍|បើក|ភ្លេងជាតិ"),
    (
        "plenary",
        r"\bplenary\b|\breport(?:ing)?[- ]back\b|\bgroup presentations?\b|\bgroup reports?\b"
        r"|\bpresentations? (?:of|from|by) (?:the )?groups?\b|ពេញអង្គ|បទបង្ហាញរបស់ក្រុម|របាយការណ៍ក្រុម",
    ),
    (
        "group_work",
        r"\bgroup (?:work|discussions?|exercises?)\b|\bbreak-?out\b|\bworking groups?\b|\bsmall groups?\b"
        r"|ពិភាក្សាជាក្រុម|ការងារក្រុម|ក្រុមការងារ|ពិភាក្សាក្រុម",
    ),
)
_PATTERNS = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _KINDS)


def kind_of(title: str, sub_items: list[str] | tuple[str, ...] = ()) -> str:
    """By the title; a plain session may show its kind in its sub-items ("national anthem"), but
    a break is only a break by its title (a session may mention the coffee that follows)."""
    kind = _first_kind(title)
    if kind == DEFAULT_KIND and sub_items:
        kind = _first_kind(" ; ".join(sub_items))
        return DEFAULT_KIND if kind == "break" else kind
    return kind


def _first_kind(text: str) -> str:
    return next((kind for kind, pattern in _PATTERNS if pattern.search(text)), DEFAULT_KIND)
