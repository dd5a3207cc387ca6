from django.db import models
from django.utils.translation import gettext_lazy as _

from .invitation import Category, new_token


class Registration(models.Model):
    """A person's place at a meeting: confirmed, waiting for a place, or cancelled.

    The number of confirmed registrations never exceeds the meeting's places: the
    services count them while holding a lock on the meeting row. Walk-ins are recorded
    at the door and are not refused.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Source(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        FORM = "form", _("Registration form")
        WALK_IN = "walk_in", _("Walk-in")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="registrations")
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.PARTICIPANT
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(
        null=True, blank=True, help_text="When the person joined the waiting list: its order."
    )
    promoted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_registration_per_person"),
        ]
        indexes = [models.Index(fields=["meeting", "status", "queued_at"])]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.person} @ {self.meeting}: {self.status}"
