from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sala.core.models import bilingual


class Person(models.Model):
    """Someone Sala knows: a facilitator now, later an invitee or participant.

    `name_en` is the name in Latin script, `name_km` in Khmer script; either may be empty.
    """

    class Title(models.TextChoices):
        MR = "mr", _("Mr.")
        MS = "ms", _("Ms.")
        MRS = "mrs", _("Mrs.")
        DR = "dr", _("Dr.")
        HE = "he", _("H.E.")

    name_en = models.CharField(_("name in Latin script"), max_length=200, blank=True)
    name_km = models.CharField(_("name in Khmer script"), max_length=200, blank=True)
    title = models.CharField(
        pgettext_lazy("honorific", "title"), max_length=4, choices=Title.choices, blank=True
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    name = bilingual("name")

    class Meta:
        ordering = ["name_en", "name_km"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    @property
    def name_with_title(self) -> str:
        return f"{self.get_title_display()} {self.name}" if self.title else self.name
