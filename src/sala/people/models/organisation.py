from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual


class Organisation(models.Model):
    class Type(models.TextChoices):
        CSO = "cso", _("Civil society organisation")
        ACADEMIA = "academia", _("Academia")
        LEGAL = "legal", _("Legal profession")
        GOVERNMENT = "government", _("Government")
        PRIVATE = "private", _("Private sector")
        DEVELOPMENT_PARTNER = "development_partner", _("Development partner")
        MEDIA = "media", _("Media")

    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_km = models.CharField(_("name in Khmer"), max_length=200, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices, default=Type.CSO, blank=True)

    name = bilingual("name")

    class Meta:
        ordering = ["acronym", "name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym or self.name
