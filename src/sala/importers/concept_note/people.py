"""Facilitators: a name starts with an honorific; the role follows after a comma, a dash or on the
next line; a line without honorific is a group that leads the item ("Secretariat", "All").
"""

import re
from dataclasses import dataclass

from .tbc import is_placeholder, split_tbc
from .text import ENDS_WITH_FUNCTION_WORD, clean

# Titles a person's name starts with, English (title or upper case) and Khmer.
_HONORIFIC = (
    r"(?:(?:(?i:H\.\s?E\.?|Excellency|Hon\.|Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Ven|Oknha|Lok\s+Chumteav"
    r"|Lok\s+Srey|Lok|Madam|Mme|Sir|Judge))\.?\s+(?=[A-Z\u1780-\u17ff])"
    r"|(?:ឯកឧត្តម|លោកជំទាវ|លោកស្រី|អ្នកស្រី|អ្នកនាង|ឧកញ៉ា|ព្រះតេជគុណ|សាស្ត្រាចារ្យ|បណ្ឌិត|កញ្ញា|លោក)(?!អ្នក)\s*"
    r"(?=[\u1780-\u17ffA-Z]))"
)
# A person at the start of a text, perhaps after a bullet, "by", or a label ("Moderator: Ms. X").
_PERSON_START = re.compile(
    rf"^\s*(?:[-•*·]\s*)?(?:(?i:by)\s+)?(?:(?P<label>[^:៖\n]{{1,30}})[:៖]\s*)?(?P<who>{_HONORIFIC})"
)
# Where a second person starts in the same text: after ";" always, after "," "/" "&" "and" if a title follows.
# (Patterns used with search or split start only where a run of spaces starts: no quadratic rescans.)
_BETWEEN_PEOPLE = re.compile(rf";\s*+|(?<!\s)\s*+(?:,|/|&|\band\b|និង)\s*+(?={_HONORIFIC})")
# The first honorific inside a title ("Welcome remarks by H.E. Hak Sina"), with what joins them.
_PERSON_IN_TEXT = re.compile(
    rf"(?<!\s)(?:\s+(?i:by|from|with)\s+|\s+ដោយ\s*|\s*[-–—|:,]\s*|\s+)(?={_HONORIFIC})"
)
# Where the name ends and the role begins: a comma, a spaced dash, a bracket or a colon.
_NAME_END = re.compile(r",|\s[-–—]\s|\(|:|;")
# A group that leads an item: "All", "Secretariat", "Legal team", "Group rapporteurs", Khmer alike.
_GROUP = re.compile(
    r"all(?:\s+participants)?|everyone|mc|master of ceremon(?:y|ies)"
    r"|(?:[\w-]+\s+){0,2}(?:team|committee|secretariat|facilitators?|rapporteurs?|representatives|organi[sz]ers?"
    r"|staff|panel|panell?ists|speakers|moderators?|leaders|resource persons)"
    r"|(?:ទាំងអស់គ្នា|អ្នកចូលរួមទាំងអស់|គណៈកម្មការ\S{0,12}|លេខាធិការដ្ឋាន|អ្នកសម្របសម្រួល\S{0,8}|តំណាង\S{0,8}"
    r"|អ្នករៀបចំ|ក្រុមការងារ|វាគ្មិន)",
    re.IGNORECASE,
)
_KHMER_START = re.compile(r"^[\u1780-\u17ff]")
MAX_GROUP_WORDS = 3
MAX_SCAN = 400  # a name comes early in an agenda line; looking further only costs time


@dataclass
class Facilitator:
    name: str
    role: str = ""
    tbc: bool = False
    person: bool = True  # False for a group ("Secretariat")
    open: bool = False  # the name ended with "," and no role came yet: it may come on a later line

    def add_role(self, text: str, tbc: bool) -> None:
        self.role = clean(f"{self.role} {text}") if self.role else clean(text)
        self.tbc = self.tbc or tbc
        self.open = False

    def as_json(self) -> dict:
        return {"name": self.name, "role": self.role, "tbc": self.tbc}


def starts_with_person(text: str) -> bool:
    return bool(_PERSON_START.match(text))


def is_group(text: str) -> bool:
    """A short line naming a group that leads an item, rather than a sub-item."""
    text = clean(split_tbc(text)[0])
    return len(text.split()) <= MAX_GROUP_WORDS and bool(_GROUP.fullmatch(text))


def split_at_person(text: str) -> tuple[str, str]:
    """ "Opening – Mr. Ros Vuth, Chair" -> ("Opening", "Mr. Ros Vuth, Chair")."""
    match = _PERSON_IN_TEXT.search(text, 0, MAX_SCAN)
    if match is None:
        return text, ""
    title = ENDS_WITH_FUNCTION_WORD.sub("", text[: match.start()].strip()).strip()
    return (clean(title), text[match.end() :].strip()) if clean(title) else (text, "")


def split_trailing_group(text: str) -> tuple[str, str]:
    """ "Tea break All" -> ("Tea break", "All"): PDF text joins a row's cells with single spaces.

    The group must begin where the case changes ("...participants Secretariat") and the title
    must not end open ("Meeting of the Organising Committee" stays whole).
    """
    words = text.split()
    for size in range(min(MAX_GROUP_WORDS, len(words) - 1), 0, -1):
        group, before = " ".join(words[-size:]), words[:-size]
        khmer = bool(_KHMER_START.match(group))
        case_changes = len(before) == 1 or before[-1][0].islower() or before[-1][-1] in "):-–"
        boundary = khmer or (group[0].isupper() and case_changes)
        if boundary and is_group(group) and not ENDS_WITH_FUNCTION_WORD.search(before[-1]):
            return " ".join(before), group
    return text, ""


def read_facilitators(texts: list[str]) -> tuple[list[Facilitator], list[str]]:
    """The facilitators in a cell's lines, and the texts that mark a facilitator without a name."""
    found: list[Facilitator] = []
    unnamed: list[str] = []
    for text in texts:
        for part in _BETWEEN_PEOPLE.split(text):
            _read_part(part, found, unnamed)
    return found, unnamed


def _read_part(part: str, found: list[Facilitator], unnamed: list[str]) -> None:
    raw, tbc = split_tbc(part)
    text = clean(raw)
    last = found[-1] if found else None
    start = _PERSON_START.match(raw)
    if start:
        found.append(_person(raw, start, tbc))
    elif not text or is_placeholder(text):
        if last and not text and tbc:
            last.tbc = True
        elif tbc or text:
            unnamed.append(part)
    elif last and last.person and not last.role and _rest_of_name(last.name, raw):
        name_rest, _, role = raw.partition(",")
        last.name = clean(f"{last.name} {name_rest}")
        last.open = not role.strip()
        if role.strip():
            last.add_role(role, tbc)
        last.tbc = last.tbc or tbc
    elif last and last.person:
        last.add_role(text, tbc)
    elif last and text[0].islower():
        last.name = clean(f"{last.name} {text}")
        last.tbc = last.tbc or tbc
    else:
        found.append(Facilitator(text, tbc=tbc, person=False))


def _rest_of_name(name: str, line: str) -> bool:
    """ "Ms. Chan" then "Thida, Director": a narrow PDF column cut the name before its comma."""
    given = _PERSON_START.sub("", name).split()
    before_comma, comma, _ = line.partition(",")
    words = before_comma.split()
    return bool(comma) and len(given) < 2 and 0 < len(words) <= 2 and all(w[:1].isupper() for w in words)


def _person(text: str, start: re.Match, tbc: bool) -> Facilitator:
    """Name up to the first comma, spaced dash or bracket; the rest is the role (or the label)."""
    text = text[start.start("who") :].strip()
    end = _NAME_END.search(text)
    name, role = (text[: end.start()], text[end.start() :]) if end else (text, "")
    role = clean(role.replace("(", " ").replace(")", " "))
    label = clean(start.group("label") or "")
    return Facilitator(
        clean(name), role or label, tbc, open=not role and text.rstrip().endswith((",", "-", "–"))
    )
