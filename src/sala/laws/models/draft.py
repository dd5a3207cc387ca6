from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .law import Law


class DraftVersion(models.Model):
    """One text of a law as it was circulated, split into chapters and articles.

    An import starts as a preview (editable, discardable); publishing it makes it the
    text that inputs are given on. A later version points to the one it replaces, so
    inputs can be carried over and the two compared article by article.
    """

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Preview")
        PUBLISHED = "published", _("Published")
        DISCARDED = "discarded", _("Discarded")

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="drafts")
    label = models.CharField(_("name of this version"), max_length=200)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREVIEW)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("replaces")
    )
    source_name = models.CharField(_("imported from"), max_length=255, blank=True)
    source_text = models.TextField(_("text as imported"), blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["law", "-created_at"]
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")

    def __str__(self) -> str:
        return f"{self.law}: {self.label}"


class Chapter(models.Model):
    draft = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="chapters")
    position = models.PositiveIntegerField()
    number = models.CharField(_("number"), max_length=30, blank=True)
    heading = models.CharField(_("heading"), max_length=500, blank=True)
    text = models.TextField(_("text before its first article"), blank=True)

    class Meta:
        ordering = ["draft", "position"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self) -> str:
        return " ".join(p for p in (self.number, self.heading) if p)


class Article(models.Model):
    """An article of a draft: what inputs, findings and the joint position are about."""

    draft = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="articles")
    chapter = models.ForeignKey(
        Chapter, null=True, blank=True, on_delete=models.CASCADE, related_name="articles"
    )
    position = models.PositiveIntegerField()
    number = models.CharField(_("number"), max_length=30)
    number_value = models.IntegerField(null=True, blank=True)
    section = models.CharField(_("section"), max_length=500, blank=True)
    heading = models.CharField(_("heading"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["draft", "position"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self) -> str:
        return " ".join(p for p in (self.number, self.heading) if p)
