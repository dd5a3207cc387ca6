"""Small text helpers shared by the readers: digits, dashes, list markers and wrapped lines."""

import re

# Khmer digits read as Latin ones; every dash and minus reads as "-"; odd spaces as " ".
_NORMAL = str.maketrans(
    {
        **{ord(k): str(i) for i, k in enumerate("០១២៣៤៥៦៧៨៩")},
        **dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-"),
        **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " "),
    }
)
_KHMER = re.compile(r"[\u1780-\u17ff]")
_LATIN = re.compile(r"[A-Za-z]")

# A list marker at the start of a line: a bullet, or "1." "a)" "(iv)" "១." "ក." and the text after it.
_MARKER = re.compile(
    r"^\s*(?:[-*•●○◦▪■►➢✓·]\s*|\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4}|[០-៩]{1,2}|[ក-អ])[.)៖]\s+)(?=\S)"
)
# A line that is nothing but a list marker (PDF text puts a list's bullets apart from its items).
_BARE_MARKER = re.compile(r"\s*(?:[-*•●○◦▪■►➢✓·]|\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4}|[០-៩]{1,2})[.)])\s*")
# Words a phrase cannot end with ("... of the", "Speech by"): what follows belongs to it.
_FUNCTION_WORDS = r"and|or|of|the|in|on|for|to|a|an|with|by|from|at|into|about|between|its|their"
ENDS_WITH_FUNCTION_WORD = re.compile(rf"\s*(?:\b(?:{_FUNCTION_WORDS})|ដោយ)$", re.IGNORECASE)
# A wrapped line ending so goes on on the next line.
_OPEN_END = re.compile(rf"(?:[,/&+:-]|\b(?:{_FUNCTION_WORDS}))$", re.IGNORECASE)
LANGUAGE_SAMPLE = 20_000
WRAP_SHARE = 0.8  # a line at least this share of the longest one may have been wrapped
MIN_WRAP_WIDTH = 25  # shorter columns are not judged by width


def normalise(text: str) -> str:
    """Latin digits, plain dashes and spaces, so one pattern reads English and Khmer alike."""
    return text.translate(_NORMAL)


def is_khmer(text: str) -> bool:
    """Whether Khmer letters outnumber Latin ones (in the first pages: enough to tell)."""
    text = text[:LANGUAGE_SAMPLE]
    return len(_KHMER.findall(text)) > len(_LATIN.findall(text))


def strip_marker(text: str) -> tuple[str, bool]:
    """The text without its list marker, and whether it had one."""
    match = _MARKER.match(text)
    return (text[match.end() :].strip(), True) if match else (text.strip(), False)


def is_bare_marker(text: str) -> bool:
    return bool(_BARE_MARKER.fullmatch(text))


def clean(text: str) -> str:
    """Single spaces, no stray separators or quotes around."""
    return " ".join(text.split()).strip(" ,;:-–—|\"“”‘’'*_")


def continues(previous: str, line: str, widest: int) -> bool:
    """Whether `line` is the rest of `previous`, cut by wrapping (PDF text, hard-wrapped plain text).

    A line goes on when it starts in lower case or with "(", when the line before it ends open
    ("... of the", "...,"), or when the line before it filled the column and this one is short.
    """
    line, previous = line.strip(), previous.strip()
    if not line or not previous:
        return False
    if line[0].islower() or line[0] == "(":
        return True
    if _OPEN_END.search(previous):
        return True
    return widest >= MIN_WRAP_WIDTH and len(previous) >= WRAP_SHARE * widest and len(line) < len(previous) / 2
