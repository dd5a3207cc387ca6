import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(18)


class Category(models.TextChoices):
    """Why someone comes: the attendance figures are broken down by it."""

    PARTICIPANT = "participant", _("Participant")
    SPEAKER = "speaker", _("Speaker or resource person")
    GUEST = "guest", _("Honoured guest")
    OBSERVER = "observer", _("Observer")
    ORGANISER = "organiser", _("Organiser")


class Invitation(models.Model):
    """A personal invitation to one meeting; its token is the person's key to Sala."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("No answer yet")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="invitations")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, default=Answer.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    send_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_invitation_per_person"),
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.person} → {self.meeting}"
