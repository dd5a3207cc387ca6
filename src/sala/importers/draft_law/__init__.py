"""Draft laws: read an uploaded document, split it into chapters, sections and articles."""

from sala.importers.draft_law.reading import MAX_BYTES, read_document
from sala.importers.draft_law.splitter import split_draft
from sala.importers.draft_law.structure import Article, Chapter, Draft, Section, join_draft

__all__ = [
    "MAX_BYTES",
    "Article",
    "Chapter",
    "Draft",
    "Section",
    "join_draft",
    "read_document",
    "split_draft",
]
