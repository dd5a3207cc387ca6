from .draft import Article, Chapter, DraftVersion
from .law import Analysis, Law, LawStage

__all__ = ["Analysis", "Article", "Chapter", "DraftVersion", "Law", "LawStage"]
