from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual


class Law(models.Model):
    """A law or draft law the coalition follows (stages and drafts come later)."""

    slug = models.SlugField(_("web address"), unique=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_km = models.CharField(_("title in Khmer"), max_length=300, blank=True)

    title = bilingual("title")

    class Meta:
        ordering = ["title_en"]
        verbose_name = _("law")
        verbose_name_plural = _("laws")

    def __str__(self) -> str:
        return self.title
