"""The columns of an agenda table: which cell of a row holds the time, the title, the facilitators."""

import re
from dataclasses import dataclass

TITLE, FACILITATORS = "title", "facilitators"
# Header cells of an agenda table: which column holds what.
_HEADER_TIME = re.compile(r"^(?:time|timeframe|time\s*frame|hours?|when|ម៉ោង|ពេលវេលា)", re.IGNORECASE)
_HEADER_FACILITATORS = re.compile(
    r"facilitat|speaker|presenter|resource|moderator|responsib|lead|\bby\b|who|chair|person|អ្នក|វាគ្មិន|ទទួលបន្ទុក",
    re.IGNORECASE,
)
_HEADER_TITLE = re.compile(
    r"session|topic|activit|agenda|item|description|content|program|subject|title|សកម្មភាព|ប្រធានបទ|កម្មវិធី"
    r"|ខ្លឹមសារ|របៀបវារៈ",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Layout:
    """Which cell of a row holds the time, the title and the facilitators."""

    time: int
    title: int | None
    facilitators: int | None

    def role(self, index: int) -> str | None:
        """Columns after the time that are neither title nor facilitators add sub-items; a column
        before the time (a row number) adds nothing."""
        if index == self.facilitators:
            return FACILITATORS
        return TITLE if index == self.title or index > self.time else None

    def reading_order(self, count: int) -> list[int]:
        """The title column first, so that another column's text cannot become the title."""
        return sorted(range(count), key=lambda index: index != self.title)


def header_layout(cells: tuple[str, ...]) -> Layout | None:
    """The columns of an agenda table's header row ("Time | Session | Facilitator / Speaker")."""
    time = next((i for i, cell in enumerate(cells) if _HEADER_TIME.match(cell.strip())), None)
    people = next(
        (i for i, cell in enumerate(cells) if i != time and _HEADER_FACILITATORS.search(cell)), None
    )
    title = next(
        (i for i, cell in enumerate(cells) if i not in (time, people) and _HEADER_TITLE.search(cell)), None
    )
    if time is None or (title is None and people is None):
        return None
    return Layout(time, title if title is not None else time + 1, people)
