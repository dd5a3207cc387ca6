"""What every step shares: a line of the extracted text, and a warning pointing at one.

Line numbers are 1-based in the extracted text (a DOCX paragraph or table row is one line),
so the organiser's preview can show which line a warning is about.
"""

from dataclasses import dataclass

EXCERPT_CHARS = 200  # a warning quotes the line, not a whole paragraph


@dataclass(frozen=True)
class Line:
    """One line of text; a table row keeps its cells, so the agenda reader can use columns."""

    number: int
    text: str
    cells: tuple[str, ...] = ()
    heading: bool = False  # styled as a heading: a DOCX heading style or a Markdown "#"
    listed: bool = False  # a DOCX list paragraph, whose number or bullet is not in the text
    wraps: bool = True  # may be one piece of a longer line (plain text, PDF); a DOCX paragraph never is

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def warning(code: str, field: str, line: Line | None = None, text: str | None = None) -> dict:
    """A warning as the JSON carries it: its code, the line it is about, the field and an excerpt."""
    if text is None:
        text = line.text if line else ""
    return {
        "code": code,
        "line": line.number if line else None,
        "field": field,
        "text": " ".join(text.split())[:EXCERPT_CHARS],
    }
