"""Times and dates as concept notes write them, in English and Khmer, with either digits.

"7:30-8:00 am", "11.30 – 12.00 noon", "08:00 - 08:30", "1530-1600", "7h30", "៧:៣០ ព្រឹក ដល់
១២:០០ ថ្ងៃត្រង់"; "Thursday, 12 March 2015", "14-15 October 2021", "ថ្ងៃទី១៩ ខែកុម្ភៈ ឆ្នាំ២០១៥".
Every pattern works on `normalise`d text (Latin digits, plain dashes) and has only bounded,
non-nested repetition, so a hostile line cannot make it backtrack for long.
"""

import re
from dataclasses import dataclass
from datetime import date

from .text import normalise

DAY_MINUTES = 24 * 60
MAX_SCAN = 400  # characters of a line searched for a date or time: they come early, and this bounds the cost
NOON = 12 * 60

# A suffix after a time: morning, afternoon/evening, noon (English and Khmer), or a neutral "hrs".
_AM = r"a\.?\s?m\.?(?![a-z])|ព្រឹក"
_PM = r"p\.?\s?m\.?(?![a-z])|ល្ងាច|រសៀល|យប់"
_NOON = r"noon(?![a-z])|ថ្ងៃត្រង់"
_NEUTRAL = r"hrs?\.?(?![a-z])|hours(?![a-z])"
_SUFFIX = rf"(?:នាទី\s*)?(?:(?P<{{p}}am>{_AM})|(?P<{{p}}pm>{_PM})|(?P<{{p}}noon>{_NOON})|{_NEUTRAL})"
# One time: "1530" (four digits), "7:30", "7.30", "7h30", "7h", or a bare hour (accepted with a suffix).
_TIME = (
    r"(?:(?P<{p}hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?!\d)"
    r"|(?P<{p}h>[01]?\d|2[0-3])(?:(?P<{p}sep>\s?:\s?|\.|h)(?P<{p}m>[0-5]\d)(?!\d)|(?P<{p}hsep>h)(?![a-z]))?(?!\d))"
)
_RANGE_SEP = r"\s*(?:-|~|to|until|till|ដល់|ទៅ)\s*"
_RANGE = re.compile(
    r"(?<![\d.:])"
    + _TIME.format(p="a")
    + rf"(?:\s*{_SUFFIX.format(p='a')})?"
    + _RANGE_SEP
    + _TIME.format(p="b")
    + rf"(?:\s*{_SUFFIX.format(p='b')})?",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    r"(?<![\d.:])" + _TIME.format(p="a") + rf"(?:\s*{_SUFFIX.format(p='a')})?", re.IGNORECASE
)
# What may come before an agenda line's time: a bullet, a row number, "ម៉ោង" (o'clock), "from".
_LEAD = re.compile(r"^\s*(?:[-*•·]\s*|\d{1,2}[.)]\s+|ម៉ោង\s*|from\s+|at\s+)?", re.IGNORECASE)
# The start of a line that looks like a time ("8:00", "25.30", "៧:៣០") even if it cannot be read.
_TIMELIKE = re.compile(r"\d{1,2}\s?[:h]\s?\d{2}|\d{1,2}\.\d{2}(?!\.\d)|\d{1,2}\s?[ap]\.?m\b", re.IGNORECASE)
_YEARS = range(1900, 2100)
AFTERNOON_HOURS = range(1, 7)  # "1:30 - 2:30" after a morning is read as 13:30 - 14:30


@dataclass(frozen=True)
class TimeRange:
    """A time range read from text, in minutes after midnight, and where it ended in the text."""

    start: int
    end: int
    end_index: int  # in the normalised text
    suffixed: bool  # am/pm/noon was written: the hours are not to be reinterpreted
    single: bool = False  # only a start time was written

    @property
    def ordered(self) -> bool:
        return self.start < self.end


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _part(match: re.Match, p: str) -> tuple[int, int, str | None, bool]:
    """Hour, minute, the suffix kind, and whether the hour stood alone (no minutes, no 'h')."""
    if match.group(f"{p}hhmm"):
        value = match.group(f"{p}hhmm")
        return int(value[:2]), int(value[2:]), _suffix_kind(match, p), False
    minutes = match.group(f"{p}m")
    bare = minutes is None and match.group(f"{p}hsep") is None
    return int(match.group(f"{p}h")), int(minutes or 0), _suffix_kind(match, p), bare


def _suffix_kind(match: re.Match, p: str) -> str | None:
    groups = match.groupdict()
    return next((kind for kind in ("am", "pm", "noon") if groups.get(f"{p}{kind}")), None)


def _clock(hour: int, minute: int, suffix: str | None) -> int | None:
    """Minutes after midnight for a time and its suffix; None when the two contradict."""
    if suffix == "am":
        if hour > 12:
            return None
        hour = 0 if hour == 12 else hour
    elif (suffix == "pm" and hour < 12) or (suffix == "noon" and hour < 6):
        hour += 12
    return hour * 60 + minute


def _is_year_pair(match: re.Match) -> bool:
    """ "2015-2016" is a span of years, not 20:15-20:16."""
    first, second = match.group("ahhmm"), match.group("bhhmm")
    return bool(first and second) and int(first) in _YEARS and int(second) in _YEARS


def read_range(match: re.Match) -> TimeRange | None:
    """The range a _RANGE match stands for; None when it is no time (a bare "1-4", years)."""
    if _is_year_pair(match):
        return None
    (ah, am_, a_suffix, a_bare), (bh, bm, b_suffix, b_bare) = _part(match, "a"), _part(match, "b")
    if (a_bare or b_bare) and not (a_suffix or b_suffix):
        return None
    end = _clock(bh, bm, b_suffix)
    start = _clock(ah, am_, a_suffix)
    if start is None or end is None:
        return None
    if a_suffix is None and b_suffix == "pm":
        # "1.30 - 5.00 pm": the suffix counts for both ends, unless that would reverse the range.
        afternoon = _clock(ah, am_, "pm")
        start = afternoon if afternoon is not None and afternoon < end else start
    suffixed = bool(a_suffix or b_suffix)
    if not suffixed and end < start and bh in AFTERNOON_HOURS and start >= 10 * 60:
        end += NOON  # "12:00 - 1:30": the clock went past noon
    return TimeRange(start, end, match.end(), suffixed)


def leading_time(text: str) -> TimeRange | None:
    """The time range (or lone start time) a line or cell starts with."""
    text = normalise(text[:MAX_SCAN])
    at = _LEAD.match(text).end()
    match = _RANGE.match(text, at)
    if match:
        return read_range(match)
    single = _SINGLE.match(text, at)
    if single is None or single.group("ahhmm"):
        return None
    hour, minute, suffix, bare = _part(single, "a")
    # A lone "8.30" may be a section number; a lone time needs ":" or "h" or am/pm.
    if not suffix and (bare or single.group("asep") == "."):
        return None
    value = _clock(hour, minute, suffix)
    return None if value is None else TimeRange(value, value, single.end(), bool(suffix), single=True)


def looks_like_time(text: str) -> bool:
    """Whether a line starts like a time, so failing to read it deserves a warning."""
    text = normalise(text[:MAX_SCAN])
    return bool(_TIMELIKE.match(text, _LEAD.match(text).end()))


def find_range(text: str) -> TimeRange | None:
    """The first time range anywhere in a line ("Time: 8:00 am - 4:30 pm"), near its start."""
    for match in _RANGE.finditer(normalise(text[:MAX_SCAN])):
        found = read_range(match)
        if found is not None:
            return found
    return None


def shift_to_afternoon(found: TimeRange, previous_end: int | None) -> TimeRange | None:
    """ "1:30 - 2:30" written after a morning item means the afternoon; None if that reading fails."""
    if found.suffixed or previous_end is None or previous_end < 11 * 60 or found.start >= previous_end:
        return None
    if found.start // 60 not in AFTERNOON_HOURS:
        return None
    end = found.end + NOON if found.end < NOON else found.end
    start = found.start + NOON
    if start < previous_end - 60 or end > DAY_MINUTES:
        return None
    return TimeRange(start, end, found.end_index, True, found.single)


# ---- dates ------------------------------------------------------------------------------------

_EN_MONTHS = (
    "jan(?:uary)?",
    "feb(?:ruary)?",
    "mar(?:ch)?",
    "apr(?:il)?",
    "may",
    "june?",
    "july?",
    "aug(?:ust)?",
    "sep(?:t(?:ember)?)?",
    "oct(?:ober)?",
    "nov(?:ember)?",
    "dec(?:ember)?",
)
# Khmer month names, with the spellings seen in documents; longest first within a month.
_KM_MONTHS = (
    ("មករា",),
    ("កុម្ភៈ", "កុម្ភះ", "កុម្ភ"),
    ("មីនា",),
    ("មេសា",),
    ("ឧសភា",),
    ("មិថុនា",),
    ("កក្កដា",),
    ("សីហា",),
    ("កញ្ញា",),
    ("តុលា",),
    ("វិច្ឆិកា",),
    ("ធ្នូ",),
)
_EN_MONTH = "|".join(rf"(?P<m{i}>{name})" for i, name in enumerate(_EN_MONTHS, 1))
_KM_MONTH = "|".join(rf"(?P<k{i}>{'|'.join(names)})" for i, names in enumerate(_KM_MONTHS, 1))
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
_DAYS_SEP = r"\s*(?:-|to|and|&|,|ដល់|និង)\s*(?:ទី\s*)?"
_DAYS = rf"(?P<days>{_DAY}(?:{_DAYS_SEP}{_DAY}){{0,6}})"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DATE_PATTERNS = (
    # "12 March 2015", "14-15 October 2021", "12th of March"
    re.compile(
        rf"(?<![\d.:/])(?<!\bday\s)\b{_DAYS}\s*(?:of\s+)?(?:{_EN_MONTH})\b\.?(?:,?\s*{_YEAR})?", re.IGNORECASE
    ),
    # "March 12, 2015", "October 14-15, 2021"
    re.compile(rf"\b(?:{_EN_MONTH})\b\.?\s*{_DAYS}(?:,?\s*{_YEAR})?", re.IGNORECASE),
    # "ថ្ងៃទី១៩ ខែកុម្ភៈ ឆ្នាំ២០១៥", "ទី១៤-១៥ ខែតុលា"
    re.compile(rf"ទី\s*{_DAYS}\s*ខែ\s*(?:{_KM_MONTH})(?:\s*(?:ឆ្នាំ\s*)?{_YEAR})?"),
    # "2015-03-12"
    re.compile(r"(?<!\d)(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]?\d)-(?P<iso_d>[0-3]?\d)(?!\d)"),
    # "12/03/2015", "12.03.2015" (read only when day and month cannot be swapped)
    re.compile(r"(?<![\d.:/])(?P<n1>[0-3]?\d)[/.](?P<n2>[01]?\d)[/.]" + _YEAR),
)
_DAY_NUMBER = re.compile(r"\d{1,2}")
MAX_SPAN_DAYS = 7  # "14-15 October" is two days; "1-30 October" is no meeting


@dataclass(frozen=True)
class DateMention:
    """Dates written together ("14-15 October 2021"); year None when the text gives none."""

    days: tuple[int, ...]
    month: int
    year: int | None
    start: int  # where the mention starts in the normalised text
    ambiguous: bool = False

    def dates(self, year: int | None = None) -> list[date]:
        year = self.year or year
        if year is None:
            return []
        found = []
        for day in self.days:
            try:
                found.append(date(year, self.month, day))
            except ValueError:
                return []
        return found


def find_dates(text: str) -> list[DateMention]:
    """Every date mention near the start of a line, in the order written."""
    text = normalise(text[:MAX_SCAN])
    mentions: list[DateMention] = []
    taken: list[range] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in span or match.end() - 1 in span for span in taken):
                continue
            mention = _mention(match)
            if mention is not None:
                mentions.append(mention)
                taken.append(range(match.start(), match.end()))
    return sorted(mentions, key=lambda m: m.start)


def _mention(match: re.Match) -> DateMention | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("iso_y"):
        return DateMention((int(groups["iso_d"]),), int(groups["iso_m"]), int(groups["iso_y"]), match.start())
    if groups.get("n1"):
        first, second = int(groups["n1"]), int(groups["n2"])
        ambiguous = first <= 12 and second <= 12 and first != second
        day, month = (second, first) if second > 12 else (first, second)
        return DateMention((day,), month, year, match.start(), ambiguous)
    month = next((i for i in range(1, 13) if groups.get(f"m{i}") or groups.get(f"k{i}")), None)
    if month is None or groups.get("m5") == "may":
        return None  # the verb "may", not the month
    days = _day_list(groups["days"])
    return DateMention(days, month, year, match.start()) if days else None


def _day_list(text: str) -> tuple[int, ...]:
    """ "14-16" is 14, 15 and 16; "14 and 16" is two days; spans over two weeks are not meetings."""
    numbers = [int(n) for n in _DAY_NUMBER.findall(text)]
    if not numbers or any(n < 1 or n > 31 for n in numbers):
        return ()
    if len(numbers) == 2 and re.search(r"-|to|ដល់", text) and numbers[0] < numbers[1]:
        if numbers[1] - numbers[0] >= MAX_SPAN_DAYS:
            return ()
        return tuple(range(numbers[0], numbers[1] + 1))
    return tuple(dict.fromkeys(numbers))


def resolve_dates(mentions: list[DateMention], year: int | None) -> list[date]:
    """The dates of mentions written on one line; a mention without year takes the next one's."""
    found = []
    for index, mention in enumerate(mentions):
        later_year = next((m.year for m in mentions[index + 1 :] if m.year), None)
        found += mention.dates(later_year or year)
    return found
