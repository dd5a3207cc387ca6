from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .invitation import Category


class CheckIn(models.Model):
    """A person arrived. One per person and meeting, whoever taps first."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="check_ins")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="check_ins")
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.PARTICIPANT
    )
    at = models.DateTimeField(_("checked in at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_label = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="one_check_in_per_person")]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.person} checked in at {self.meeting}"
