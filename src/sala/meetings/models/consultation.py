from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual


class Consultation(models.Model):
    """A coalition's work on one draft law; its organisers may edit all its meetings."""

    slug = models.SlugField(_("web address"), unique=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_km = models.CharField(_("title in Khmer"), max_length=300, blank=True)
    law = models.ForeignKey(
        "laws.Law",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("law"),
    )
    draft = models.ForeignKey(
        "laws.DraftVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        verbose_name=_("draft under consultation"),
    )
    inputs_open_from = models.DateTimeField(_("inputs open from"), null=True, blank=True)
    inputs_open_until = models.DateTimeField(_("inputs open until"), null=True, blank=True)
    position_published_at = models.DateTimeField(_("joint position published"), null=True, blank=True)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organised_consultations",
        verbose_name=_("organisers"),
    )

    title = bilingual("title")

    class Meta:
        ordering = ["-id"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title
