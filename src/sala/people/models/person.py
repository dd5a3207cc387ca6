from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sala.core.models import bilingual


class Person(models.Model):
    """Someone Sala knows: a facilitator, an invitee, a participant.

    `name_en` is the name in Latin script, `name_km` in Khmer script; either may be empty.
    Gender is what donors' attendance figures are broken down by; empty means not given.
    Erasing a person on request blanks every personal field but keeps gender and
    organisation, so the anonymous attendance counts stay right.
    """

    class Title(models.TextChoices):
        MR = "mr", _("Mr.")
        MS = "ms", _("Ms.")
        MRS = "mrs", _("Mrs.")
        DR = "dr", _("Dr.")
        HE = "he", _("H.E.")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        ANOTHER = "another", _("Another gender")
        NOT_GIVEN = "", _("Not given")

    class Language(models.TextChoices):
        KHMER = "km", "ខ្មែរ"
        ENGLISH = "en", "English"

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
    position = models.CharField(_("position"), max_length=200, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language for messages"), max_length=2, choices=Language.choices, default=Language.KHMER
    )
    erased_at = models.DateTimeField(_("personal data removed"), null=True, blank=True, editable=False)

    name = bilingual("name")

    class Meta:
        ordering = ["name_en", "name_km"]
        indexes = [models.Index(fields=["email"]), models.Index(fields=["phone"])]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name or str(_("(name removed)"))

    @property
    def name_with_title(self) -> str:
        return f"{self.get_title_display()} {self}" if self.title else str(self)
