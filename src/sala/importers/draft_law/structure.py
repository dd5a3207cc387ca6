"""The plain data a split draft law becomes: chapters, optional sections, articles.

Every element keeps `source`, its heading line(s) exactly as written, so the preview can
show "Art. 12 -" as the draft has it and `join_draft` can give the whole text back.
"""

from dataclasses import asdict, dataclass, field

from sala.importers.problems import Finding


@dataclass
class Article:
    number: str
    number_value: int | None
    heading: str
    text: str
    line: int
    source: str = ""

    def to_json(self) -> dict:
        return {"number": self.number, "heading": self.heading, "text": self.text}


@dataclass
class Section:
    number: str
    number_value: int | None
    heading: str
    line: int
    articles: list[Article] = field(default_factory=list)
    text: str = ""  # text between the section heading and its first article
    source: str = ""

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "articles": [a.to_json() for a in self.articles],
        }


@dataclass
class Chapter:
    number: str  # "" for the chapter implied by a section that comes before any chapter
    number_value: int | None
    heading: str
    line: int
    sections: list[Section] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)  # before the chapter's first section
    text: str = ""  # text between the chapter heading and its first article or section
    source: str = ""

    def all_articles(self) -> list[Article]:
        return self.articles + [a for s in self.sections for a in s.articles]

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "heading": self.heading,
            "text": self.text,
            "sections": [s.to_json() for s in self.sections],
            "articles": [a.to_json() for a in self.articles],
        }


@dataclass
class Draft:
    preamble: str
    chapters: list[Chapter] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)  # before any chapter
    warnings: list[Finding] = field(default_factory=list)

    def all_articles(self) -> list[Article]:
        """Every article in document order, whatever chapter or section holds it."""
        return self.articles + [a for c in self.chapters for a in c.all_articles()]

    def to_json(self) -> dict:
        return {
            "preamble": self.preamble,
            "chapters": [c.to_json() for c in self.chapters],
            "articles": [a.to_json() for a in self.articles],
            "warnings": [asdict(w) for w in self.warnings],
        }


def join_draft(draft: Draft) -> str:
    """The text back in document order: proof that splitting loses and reorders nothing."""
    parts = [draft.preamble]
    parts += [p for a in draft.articles for p in (a.source, a.text)]
    for chapter in draft.chapters:
        parts += [chapter.source, chapter.text]
        parts += [p for a in chapter.articles for p in (a.source, a.text)]
        for section in chapter.sections:
            parts += [section.source, section.text]
            parts += [p for a in section.articles for p in (a.source, a.text)]
    return "\n".join(p for p in parts if p)
