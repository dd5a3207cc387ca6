"""Draft versions: import a text as a preview, correct it, then publish it or discard it.

A preview is the only editable state: once published, a version is the text inputs are given
on and never changes (a new text is a new version); a discarded one is kept until deleted, so
a bad import is redone by importing again. Every change locks the version's row, so an edit
and a publication cannot cross, and article positions stay 0, 1, 2... in document order.
"""

from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.importers.draft_law import Draft, read_document, split_draft
from sala.importers.draft_law.numbering import number_value
from sala.importers.problems import ImportProblem

from ..models import Article, Chapter, DraftVersion, Law

PASTED_NAME = "pasted.txt"  # what pasted text is read as
HEADING_MAX = Article._meta.get_field("heading").max_length
LABEL_MAX = DraftVersion._meta.get_field("label").max_length
NAME_MAX = DraftVersion._meta.get_field("source_name").max_length
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\ufeff"))  # never stored (STACK-NOTES: Khmer)


def script_language(text: str) -> str:
    """ "km" when most letters of the text are Khmer, else "en"."""
    khmer = sum("\u1780" <= ch <= "\u17ff" for ch in text)
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return "km" if khmer > latin else "en"


def read_source(*, data: bytes | None, filename: str, text: str) -> str:
    """The text of an upload, or pasted text read the same way (normalised, checked)."""
    try:
        if data is not None:
            return read_document(data, filename)
        return read_document(text.encode(), PASTED_NAME)
    except ImportProblem as problem:
        raise DomainError(problem.code, **problem.params) from problem


def section_title(section) -> str:
    """A section as Article.section keeps it: "2 Data retention"."""
    return " ".join(part for part in (section.number, section.heading) if part)[:HEADING_MAX]


def fitted(heading: str, text: str) -> dict[str, str]:
    """Heading and text; a "heading" longer than a heading may be ("Article 5: The Committee
    shall...") is the start of the text, and moves there whole rather than being cut."""
    if len(heading) <= HEADING_MAX:
        return {"heading": heading, "text": text}
    return {"heading": "", "text": "\n".join(part for part in (heading, text) if part)}


@transaction.atomic
def import_draft(
    *,
    law: Law,
    data: bytes | None = None,
    filename: str = "",
    text: str = "",
    label: str,
    language: str,
    actor,
    previous: DraftVersion | None = None,
) -> DraftVersion:
    """Read and split a file (or pasted `text` when `data` is None) into a new preview version.

    `language` "" means the script the text is mostly written in. The splitter's warnings are
    not stored: `split_draft(draft.source_text)` gives them again for the preview.
    """
    if not label.strip():
        raise DomainError("draft.no_label")
    if previous is not None and previous.law_id != law.pk:
        raise DomainError("draft.previous_other_law")
    source = read_source(data=data, filename=filename, text=text)
    split = split_draft(source)
    draft = DraftVersion.objects.create(
        law=law,
        label=label.strip()[:LABEL_MAX],
        language=language or script_language(source),
        previous=previous,
        source_name=filename[-NAME_MAX:] if data is not None else "",  # the end keeps the type
        source_text=source,
        preamble=split.preamble,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _save_structure(draft, split)
    audit.record(
        action="draft.imported",
        scope=law,
        target=draft,
        actor=actor,
        data={"label": draft.label, "articles": len(split.all_articles()), "file": draft.source_name},
    )
    return draft


def _save_structure(draft: DraftVersion, split: Draft) -> None:
    """Chapters, then articles in document order; a section's own text joins its chapter's."""
    chapters = Chapter.objects.bulk_create(
        Chapter(draft=draft, position=position, number=chapter.number, **_chapter_fields(chapter))
        for position, chapter in enumerate(split.chapters)
    )
    rows = [(None, "", article) for article in split.articles]
    for saved, chapter in zip(chapters, split.chapters, strict=True):
        rows += [(saved, "", article) for article in chapter.articles]
        rows += [(saved, section_title(s), article) for s in chapter.sections for article in s.articles]
    Article.objects.bulk_create(
        Article(
            draft=draft,
            chapter=chapter,
            position=position,
            number=article.number,
            number_value=article.number_value,
            section=section,
            **fitted(article.heading, article.text),
        )
        for position, (chapter, section, article) in enumerate(rows)
    )


def _chapter_fields(chapter) -> dict:
    """Heading and text; the text is the chapter's own, then each section's (Article.section
    holds only a section's title)."""
    parts = [chapter.text] + [f"{s.source}\n{s.text}" for s in chapter.sections if s.text]
    return fitted(chapter.heading, "\n\n".join(part for part in parts if part))


def lock_preview(draft: DraftVersion) -> DraftVersion:
    """The version's row, locked; only a preview may change."""
    locked = DraftVersion.objects.select_for_update().select_related("law").get(pk=draft.pk)
    if locked.status != DraftVersion.Status.PREVIEW:
        raise DomainError("draft.not_editable")
    return locked


def clean_text(text: str) -> str:
    """Typed text as imported text is stored: "\\n" line ends, no zero-width spaces, no blank
    lines around it."""
    lines = text.translate(_ZERO_WIDTH).splitlines()
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _article_fields(number: str, heading: str, section: str, text: str) -> dict:
    number = " ".join(clean_text(number).split())
    if not number:
        raise DomainError("article.no_number")
    return {
        "number": number,
        "number_value": number_value(number),
        "heading": clean_text(heading).strip(),
        "section": clean_text(section).strip(),
        "text": clean_text(text),
    }


@transaction.atomic
def update_article(
    *, article: Article, actor, number: str, heading: str = "", section: str = "", text: str = ""
) -> Article:
    draft = lock_preview(article.draft)
    before = {"number": article.number, "heading": article.heading}
    fields = _article_fields(number, heading, section, text)
    for name, value in fields.items():
        setattr(article, name, value)
    article.save(update_fields=list(fields))  # never a position read before the lock
    audit.record(
        action="draft.article_changed",
        scope=draft.law,
        target=article,
        actor=actor,
        data={"label": draft.label, "from": before, "number": article.number, "heading": article.heading},
    )
    return article


@transaction.atomic
def add_article(
    *,
    draft: DraftVersion,
    actor,
    number: str,
    heading: str = "",
    section: str = "",
    text: str = "",
    after: Article | None = None,
    chapter: Chapter | None = None,
) -> Article:
    """A new article right after `after` (in its chapter), else first in `chapter`, else first
    of the whole text; the articles after it move down one position."""
    anchor = after or chapter
    if anchor is not None and anchor.draft_id != draft.pk:
        raise ValueError("The article or chapter belongs to another draft version.")
    draft = lock_preview(draft)
    if after is not None:
        after.refresh_from_db(fields=["position", "chapter"])
        position, chapter = after.position + 1, after.chapter
    else:
        position = _chapter_start(draft, chapter)
    Article.objects.filter(draft=draft, position__gte=position).update(position=F("position") + 1)
    article = Article.objects.create(
        draft=draft, chapter=chapter, position=position, **_article_fields(number, heading, section, text)
    )
    audit.record(
        action="draft.article_added",
        scope=draft.law,
        target=article,
        actor=actor,
        data={"label": draft.label, "number": article.number, "heading": article.heading},
    )
    return article


def _chapter_start(draft: DraftVersion, chapter: Chapter | None) -> int:
    """The position of a chapter's first article: after every article before the chapter."""
    if chapter is None:
        return 0
    before = Article.objects.filter(
        Q(chapter__isnull=True) | Q(chapter__position__lt=chapter.position), draft=draft
    )
    last = before.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def delete_article(*, article: Article, actor) -> None:
    draft = lock_preview(article.draft)
    audit.record(
        action="draft.article_deleted",
        scope=draft.law,
        target=article,
        actor=actor,
        data={"label": draft.label, "number": article.number, "heading": article.heading},
    )
    article.refresh_from_db(fields=["position"])
    position = article.position
    article.delete()
    Article.objects.filter(draft=draft, position__gt=position).update(position=F("position") - 1)


@transaction.atomic
def update_chapter(*, chapter: Chapter, actor, number: str, heading: str = "", text: str = "") -> Chapter:
    draft = lock_preview(chapter.draft)
    chapter.number = " ".join(clean_text(number).split())
    chapter.heading = clean_text(heading).strip()
    chapter.text = clean_text(text)
    chapter.save(update_fields=["number", "heading", "text"])
    audit.record(
        action="draft.chapter_changed",
        scope=draft.law,
        target=chapter,
        actor=actor,
        data={"label": draft.label, "number": chapter.number, "heading": chapter.heading},
    )
    return chapter


@transaction.atomic
def publish_draft(*, draft: DraftVersion, actor) -> DraftVersion:
    """The preview becomes the text inputs are given on; it can no longer change."""
    draft = lock_preview(draft)
    if not draft.articles.exists():
        raise DomainError("draft.no_articles_to_publish")
    draft.status = DraftVersion.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save(update_fields=["status", "published_at"])
    audit.record(
        action="draft.published", scope=draft.law, target=draft, actor=actor, data={"label": draft.label}
    )
    return draft


@transaction.atomic
def discard_draft(*, draft: DraftVersion, actor) -> DraftVersion:
    """A preview not worth correcting: set aside (and deletable); import the text again."""
    draft = lock_preview(draft)
    draft.status = DraftVersion.Status.DISCARDED
    draft.save(update_fields=["status"])
    audit.record(
        action="draft.discarded", scope=draft.law, target=draft, actor=actor, data={"label": draft.label}
    )
    return draft


@transaction.atomic
def delete_draft(*, draft: DraftVersion, actor) -> None:
    """Only a discarded version goes: a published one is what inputs point to."""
    draft = DraftVersion.objects.select_for_update().select_related("law").get(pk=draft.pk)
    if draft.status != DraftVersion.Status.DISCARDED:
        raise DomainError("draft.not_discarded")
    audit.record(
        action="draft.deleted", scope=draft.law, target=draft, actor=actor, data={"label": draft.label}
    )
    draft.delete()
