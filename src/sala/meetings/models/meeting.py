from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class Meeting(models.Model):
    """A consultative meeting and its concept note."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        INVITATION = "invitation", _("Invitation only")

    consultation = models.ForeignKey(
        "meetings.Consultation",
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("consultation"),
    )
    slug = models.SlugField(_("web address"), unique=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    title_en, title_km = text_pair(_("title"))
    introduction_en, introduction_km = text_pair(_("introduction"), long=True)
    purpose_en, purpose_km = text_pair(_("purpose"), long=True)
    participants_min = models.PositiveIntegerField(_("participants, at least"), null=True, blank=True)
    participants_max = models.PositiveIntegerField(_("participants, at most"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Places to register; empty means the upper participant target. Later sign-ups wait."),
    )
    registration_open = models.BooleanField(
        _("open registration"),
        default=False,
        help_text=_("Anyone with the link may register for a public meeting; the list is still checked."),
    )
    participant_categories_en, participant_categories_km = text_pair(
        _("who should come (one category per line)"), long=True
    )
    guests_en, guests_km = text_pair(_("honoured guests and resource persons"), long=True)
    agenda_note_en, agenda_note_km = text_pair(_("note on agenda changes"), long=True)
    venue_name_en, venue_name_km = text_pair(_("venue"))
    venue_address_en, venue_address_km = text_pair(_("venue address"), long=True)
    venue_phones = models.CharField(
        _("venue phones"), max_length=200, blank=True, help_text=_("Separate numbers with commas.")
    )
    organisations = models.ManyToManyField(
        "people.Organisation",
        blank=True,
        related_name="organised_meetings",
        verbose_name=_("organiser organisations"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    title = bilingual("title")
    introduction = bilingual("introduction")
    purpose = bilingual("purpose")
    participant_categories = bilingual("participant_categories")
    guests = bilingual("guests")
    agenda_note = bilingual("agenda_note")
    venue_name = bilingual("venue_name")
    venue_address = bilingual("venue_address")

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def places(self) -> int | None:
        """How many may register: the capacity, else the upper target (None: no limit set)."""
        return self.capacity if self.capacity is not None else self.participants_max

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC

    @property
    def phone_list(self) -> list[str]:
        return [p.strip() for p in self.venue_phones.split(",") if p.strip()]

    @property
    def category_list(self) -> list[str]:
        return [c.strip() for c in self.participant_categories.splitlines() if c.strip()]


class Objective(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="objectives")
    position = models.PositiveIntegerField(default=0)
    text_en, text_km = text_pair(_("objective"), long=True)

    text = bilingual("text")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.text


class ExpectedOutcome(models.Model):
    """What the meeting should achieve; each outcome serves one or more objectives."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="outcomes")
    position = models.PositiveIntegerField(default=0)
    text_en, text_km = text_pair(_("expected outcome"), long=True)
    objectives = models.ManyToManyField(Objective, related_name="outcomes", blank=True)

    text = bilingual("text")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("expected outcome")
        verbose_name_plural = _("expected outcomes")

    def __str__(self) -> str:
        return self.text
