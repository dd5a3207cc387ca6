"""Draft versions of a law: import, correct the preview, publish or discard, compare; and the
public text of a published version.

Organisers correct a preview article by article, inline with HTMX or through a plain form;
every change goes through `services.drafts`, which refuses it once the version is published.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib import messages
from django.http import Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import quote_etag
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View
from django_htmx.http import reswap, retarget

from sala.core.errors import DomainError
from sala.core.khmer import digits, latin_digits
from sala.importers.draft_law import MAX_BYTES, split_draft

from ..forms_drafts import MB, ArticleForm, ChapterForm, DraftImportForm
from ..matching import Change, compare_drafts
from ..models import Article, Chapter, DraftVersion
from ..services import drafts as services
from .base import LawOrganiserMixin

T = "laws/manage/"


# --- Reading a version ------------------------------------------------------------------------


@dataclass
class Part:
    """Consecutive articles of one section ("" for articles in no section)."""

    section: str
    articles: list[Article] = field(default_factory=list)


@dataclass
class Block:
    """A chapter and its articles; the block of articles before any chapter has none."""

    chapter: Chapter | None
    parts: list[Part] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [a for part in self.parts for a in part.articles]


def outline(draft: DraftVersion) -> list[Block]:
    """The version as pages show it, in two queries; every chapter and article gets `anchor`
    ("chapter-2", "article-12", from the number as written), unique within the version."""
    chapters = list(draft.chapters.all())
    articles = list(draft.articles.all())
    seen: set[str] = set()
    blocks = {None: Block(None)} | {c.pk: Block(c) for c in chapters}
    for position, chapter in enumerate(chapters, start=1):
        chapter.anchor = anchor("chapter", chapter.number or str(position), seen)
    for article in articles:
        article.anchor = anchor("article", article.number, seen)
        parts = blocks[article.chapter_id].parts
        if not parts or parts[-1].section != article.section:
            parts.append(Part(article.section))
        parts[-1].articles.append(article)
    return [b for b in blocks.values() if b.chapter is not None or b.parts]


def anchor(kind: str, number: str, seen: set[str]) -> str:
    """ "article-12" for "12" or "១២"; "article-12-bis"; a repeated number gets "-2"."""
    base = f"{kind}-{slugify(latin_digits(number)) or 'x'}"
    name, count = base, 1
    while name in seen:
        count += 1
        name = f"{base}-{count}"
    seen.add(name)
    return name


def find_anchor(draft: DraftVersion, obj: Article | Chapter) -> str:
    """The anchor `outline` gives an article or chapter (its number may have just changed)."""
    for block in outline(draft):
        for candidate in [block.chapter, *block.articles]:
            if candidate is not None and type(candidate) is type(obj) and candidate.pk == obj.pk:
                return candidate.anchor
    return ""


@dataclass(frozen=True)
class DraftWarning:
    message: str
    anchor: str  # of the article or chapter it is about, "" when it cannot be found


def import_warnings(draft: DraftVersion, blocks: list[Block]) -> list[DraftWarning]:
    """The splitter's warnings on the text as imported, each linked to the article or chapter
    now carrying the number it is about (found by number: edits move positions)."""
    split = split_draft(draft.source_text)
    by_line = {a.line: ("article", a.number) for a in split.all_articles()}
    by_line |= {c.line: ("chapter", c.number) for c in split.chapters if c.source}
    anchors = {}
    for block in reversed(blocks):  # the first one with a number wins
        anchors |= {("article", a.number): a.anchor for a in reversed(block.articles)}
        if block.chapter:
            anchors[("chapter", block.chapter.number)] = block.chapter.anchor
    warnings = []
    for finding in split.warnings:
        params = finding.params
        message = DomainError(
            finding.code, **{k: digits(v) if isinstance(v, int) else v for k, v in params.items()}
        ).message
        warnings.append(DraftWarning(message, anchors.get(by_line.get(params.get("line")), "")))
    return warnings


class DraftMixin(LawOrganiserMixin):
    """One version of the law, and the replies its editor needs."""

    @cached_property
    def draft(self) -> DraftVersion:
        return get_object_or_404(
            DraftVersion.objects.select_related("law"), pk=self.kwargs["pk"], law=self.law
        )

    def draft_url(self, fragment: str = "") -> str:
        url = reverse("laws_manage:draft", args=[self.law.slug, self.draft.pk])
        return f"{url}#{fragment}" if fragment else url

    def context(self, **extra) -> dict:
        return {"law": self.law, "draft": self.draft, **extra}

    def article(self) -> Article:
        return get_object_or_404(Article, pk=self.kwargs["article"], draft=self.draft)

    def pk_from(self, value: str | None) -> int | None:
        """A pk sent by the page; anything else is no such object."""
        if not value:
            return None
        if not value.isdigit():
            raise Http404
        return int(value)

    def refused(self, error: DomainError, template: str, **context):
        """A change the service refused: the same page, with the reason."""
        messages.error(self.request, error.message)
        return render(self.request, template, self.context(**context), status=422)


# --- Organisers' pages ------------------------------------------------------------------------


class DraftListView(LawOrganiserMixin, TemplateView):
    template_name = T + "draft_list.html"

    def get_context_data(self, **kwargs):
        drafts = self.law.drafts.select_related("previous", "created_by")
        return super().get_context_data(drafts=drafts, **kwargs)


class DraftImportView(LawOrganiserMixin, FormView):
    """Upload or paste; a file that cannot be read comes back with the reason (422), nothing saved."""

    template_name = T + "draft_import.html"

    def get_form(self, form_class=None):
        return DraftImportForm(**self.get_form_kwargs(), law=self.law)

    def get_initial(self):
        """Importing again after a discard keeps the name, language and what it replaces."""
        again_pk = self.request.GET.get("again", "")
        again = self.law.drafts.filter(pk=again_pk).first() if again_pk.isdigit() else None
        if again:
            return {"label": again.label, "language": again.language, "previous": again.previous_id}
        published = self.law.drafts.filter(status=DraftVersion.Status.PUBLISHED).first()
        return {"previous": published.pk if published else None}

    def form_valid(self, form):
        try:
            draft = services.import_draft(law=self.law, actor=self.request.user, **form.import_fields())
        except DomainError as error:
            form.add_error("file" if form.cleaned_data["file"] else "text", error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Check the structure Sala found and correct it before publishing."))
        return redirect("laws_manage:draft", self.law.slug, draft.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)

    def get_context_data(self, **kwargs):
        return super().get_context_data(max_mb=digits(MAX_BYTES // MB), **kwargs)


def editor_context(draft: DraftVersion) -> dict:
    """What the version's page shows: its structure and, while a preview, the import warnings."""
    blocks = outline(draft)
    editable = draft.status == DraftVersion.Status.PREVIEW
    return {
        "law": draft.law,
        "draft": draft,
        "blocks": blocks,
        "editable": editable,
        "warnings": import_warnings(draft, blocks) if editable else [],
    }


class DraftView(DraftMixin, TemplateView):
    """A preview with everything editable, or a published or discarded version to read."""

    template_name = T + "draft_detail.html"

    def get_context_data(self, **kwargs):
        others = self.law.drafts.exclude(pk=self.draft.pk).exclude(status=DraftVersion.Status.DISCARDED)
        return super().get_context_data(
            **editor_context(self.draft),
            others=others,
            public=self.draft.status == DraftVersion.Status.PUBLISHED and self.law.is_public,
            **kwargs,
        )


class ArticleEditView(DraftMixin, View):
    """Inline with HTMX (the form replaces the article, the saved article the form), or a page."""

    template_name = T + "draft_article_form.html"

    def get(self, request, slug, pk, article):
        article = self.article()
        return self.editor(article, ArticleForm(instance=article))

    def post(self, request, slug, pk, article):
        saved = self.article()
        form = ArticleForm(request.POST, instance=Article.objects.get(pk=saved.pk))
        if form.is_valid():
            try:
                saved = services.update_article(article=saved, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                return self.saved(saved)
        return self.editor(saved, form, status=422)

    def editor(self, article: Article, form, status: int = 200):
        article.anchor = find_anchor(self.draft, article)
        context = self.context(article=article, form=form, action=self.request.path)
        name = self.template_name + ("#article_form" if self.request.htmx else "")
        return render(self.request, name, context, status=status)

    def saved(self, article: Article):
        article.anchor = find_anchor(self.draft, article)
        if not self.request.htmx:
            messages.success(self.request, _("The article is saved."))
            return redirect(self.draft_url(article.anchor))
        return render(
            self.request, T + "draft_detail.html#article", self.context(article=article, editable=True)
        )


class ArticleAddView(DraftMixin, View):
    """A new article after another one (`after`), or first in a chapter (`chapter`)."""

    template_name = T + "draft_article_form.html"

    def place(self, data) -> dict:
        after, chapter = self.pk_from(data.get("after")), self.pk_from(data.get("chapter"))
        return {
            "after": get_object_or_404(Article, pk=after, draft=self.draft) if after else None,
            "chapter": get_object_or_404(Chapter, pk=chapter, draft=self.draft) if chapter else None,
        }

    def get(self, request, slug, pk):
        place = self.place(request.GET)
        section = place["after"].section if place["after"] else ""
        return self.editor(place, ArticleForm(initial={"section": section}))

    def post(self, request, slug, pk):
        place = self.place(request.POST)
        form = ArticleForm(request.POST)
        if form.is_valid():
            try:
                article = services.add_article(
                    draft=self.draft, actor=request.user, **place, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The article is added."))
                if not request.htmx:
                    return redirect(self.draft_url(find_anchor(self.draft, article)))
                context = {**editor_context(self.draft), "fragment": True}  # shows the message itself
                return render(request, T + "draft_detail.html#draft_body", context)
        response = self.editor(place, form, status=422)
        return reswap(retarget(response, "#add-article"), "outerHTML") if request.htmx else response

    def editor(self, place: dict, form, status: int = 200):
        context = self.context(form=form, place=place, action=self.request.path, adding=True)
        name = self.template_name + ("#article_form" if self.request.htmx else "")
        return render(self.request, name, context, status=status)


class ArticleDeleteView(DraftMixin, View):
    template_name = T + "draft_confirm.html"

    def get(self, request, slug, pk, article):
        return render(
            request, self.template_name, self.context(action="delete_article", article=self.article())
        )

    def post(self, request, slug, pk, article):
        article = self.article()
        try:
            services.delete_article(article=article, actor=request.user)
        except DomainError as error:
            return self.refused(error, self.template_name, action="delete_article", article=article)
        messages.success(request, _("The article is deleted."))
        return redirect(self.draft_url())


class ChapterEditView(DraftMixin, View):
    template_name = T + "draft_chapter_form.html"

    def chapter(self) -> Chapter:
        return get_object_or_404(Chapter, pk=self.kwargs["chapter"], draft=self.draft)

    def get(self, request, slug, pk, chapter):
        chapter = self.chapter()
        return self.editor(chapter, ChapterForm(instance=chapter))

    def post(self, request, slug, pk, chapter):
        saved = self.chapter()
        form = ChapterForm(request.POST, instance=Chapter.objects.get(pk=saved.pk))
        if form.is_valid():
            try:
                saved = services.update_chapter(chapter=saved, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                saved.anchor = find_anchor(self.draft, saved)
                if not request.htmx:
                    messages.success(request, _("The chapter is saved."))
                    return redirect(self.draft_url(saved.anchor))
                context = self.context(chapter=saved, editable=True)
                return render(request, T + "draft_detail.html#chapter_head", context)
        return self.editor(saved, form, status=422)

    def editor(self, chapter: Chapter, form, status: int = 200):
        chapter.anchor = find_anchor(self.draft, chapter)
        context = self.context(chapter=chapter, form=form, action=self.request.path)
        name = self.template_name + ("#chapter_form" if self.request.htmx else "")
        return render(self.request, name, context, status=status)


class DraftStepView(DraftMixin, View):
    """Publish, discard or delete a version: a confirmation page, then the service."""

    template_name = T + "draft_confirm.html"
    action = ""
    done = ""  # the message once done

    def get(self, request, slug, pk):
        return render(request, self.template_name, self.context(action=self.action))

    def post(self, request, slug, pk):
        try:
            self.run()
        except DomainError as error:
            return self.refused(error, self.template_name, action=self.action)
        messages.success(request, self.done)
        return self.next()

    def run(self) -> None:
        raise NotImplementedError

    def next(self):
        return redirect(self.draft_url())


class DraftPublishView(DraftStepView):
    action = "publish"
    done = gettext_lazy("The version is published. Its text can no longer change.")

    def run(self) -> None:
        services.publish_draft(draft=self.draft, actor=self.request.user)


class DraftDiscardView(DraftStepView):
    action = "discard"
    done = gettext_lazy("The version is discarded. Import the text again to start over.")

    def run(self) -> None:
        services.discard_draft(draft=self.draft, actor=self.request.user)

    def next(self):
        return redirect(reverse("laws_manage:draft_import", args=[self.law.slug]) + f"?again={self.draft.pk}")


class DraftDeleteView(DraftStepView):
    action = "delete"
    done = gettext_lazy("The discarded version is deleted.")

    def run(self) -> None:
        services.delete_draft(draft=self.draft, actor=self.request.user)

    def next(self):
        return redirect("laws_manage:drafts", self.law.slug)


class CompareView(DraftMixin, TemplateView):
    """Two versions article by article, the older one on the left."""

    template_name = T + "compare_drafts.html"

    def get_context_data(self, **kwargs):
        other = get_object_or_404(DraftVersion, pk=self.kwargs["other"], law=self.law)
        old, new = sorted([self.draft, other], key=lambda d: (d.created_at, d.pk))
        changes = compare_drafts(old, new)
        counts = {kind: sum(c.kind == kind for c in changes) for kind in Change}
        return super().get_context_data(old=old, new=new, changes=changes, counts=counts, **kwargs)


# --- The public text ---------------------------------------------------------------------------


class PublicDraftView(View):
    """A published version of a public law: a table of contents and anchors to link to.

    A published version never changes, so its ETag depends only on it, the law's own edits
    (its title) and the language: a repeat visit is a 304 after one query.
    """

    def get(self, request, slug, pk):
        draft = get_object_or_404(
            DraftVersion.objects.select_related("law"),
            pk=pk,
            law__slug=slug,
            law__is_public=True,
            status=DraftVersion.Status.PUBLISHED,
        )
        version = (
            f"{draft.pk}.{draft.published_at.timestamp()}.{draft.law.updated_at.timestamp()}.{get_language()}"
        )
        etag = quote_etag(hashlib.sha1(version.encode()).hexdigest()[:20])
        headers = {"ETag": etag, "Cache-Control": "public, max-age=0, must-revalidate"}
        if request.user.is_authenticated:  # their page shows their account: never shared
            return self.render(request, draft)
        if etag.strip('"') in request.headers.get("If-None-Match", ""):
            return HttpResponseNotModified(headers=headers)
        response = self.render(request, draft)
        for name, value in headers.items():
            response[name] = value
        return response

    @staticmethod
    def render(request, draft: DraftVersion):
        return render(
            request, "laws/draft.html", {"law": draft.law, "draft": draft, "blocks": outline(draft)}
        )
