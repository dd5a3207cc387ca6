import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        OPENING = "opening", _("Opening")
        SESSION = "session", _("Session")
        BREAK = "break", _("Break")
        GROUP_WORK = "group_work", _("Group work")
        PLENARY = "plenary", _("Plenary")
        CLOSING = "closing", _("Closing")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SESSION)
    title_en, title_km = text_pair(_("title"))
    led_by_en, led_by_km = text_pair(_("led by a group (e.g. “Organisers”, “All”)"))

    title = bilingual("title")
    led_by = bilingual("led_by")

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class AgendaSubItem(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="sub_items")
    position = models.PositiveIntegerField(default=0)
    text_en, text_km = text_pair(_("sub-item"))

    text = bilingual("text")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("sub-item")
        verbose_name_plural = _("sub-items")

    def __str__(self) -> str:
        return self.text


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Facilitator(models.Model):
    """A person leading an agenda item, who confirms through a personal secret link."""

    class Status(models.TextChoices):
        TBC = "tbc", _("To be confirmed")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="facilitators")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        related_name="facilitations",
        verbose_name=_("person"),
    )
    position = models.PositiveIntegerField(default=0)
    role_en, role_km = text_pair(_("role"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.TBC)
    note = models.TextField(_("note"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    role = bilingual("role")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")

    def __str__(self) -> str:
        return str(self.person)

    @property
    def is_tbc(self) -> bool:
        return self.status == self.Status.TBC

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED
