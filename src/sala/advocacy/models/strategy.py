from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class Strategy(models.Model):
    """An item of the joint road map: who does what, aimed at whom, by when, and on which articles."""

    consultation = models.ForeignKey(
        "meetings.Consultation", on_delete=models.CASCADE, related_name="strategies"
    )
    position = models.PositiveIntegerField(default=0)
    activity_en, activity_km = text_pair(_("activity"), long=True)
    target_en, target_km = text_pair(_("target institution or audience"))
    owner = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="strategies",
        verbose_name=_("owner organisation"),
    )
    time_frame_en, time_frame_km = text_pair(_("time frame"))
    due_on = models.DateField(_("due date"), null=True, blank=True)
    articles = models.ManyToManyField("laws.Article", blank=True, related_name="strategies")
    findings = models.ManyToManyField("advocacy.Finding", blank=True, related_name="strategies")
    from_group = models.ForeignKey(
        "participation.BreakoutGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="strategies",
        help_text="The breakout group whose recommendation this strategy was taken from.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    activity = bilingual("activity")
    target = bilingual("target")
    time_frame = bilingual("time_frame")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.activity[:80]


class ActionItem(models.Model):
    """A follow-up with an owner and a due date; reminders go out before it is due."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    consultation = models.ForeignKey(
        "meetings.Consultation", on_delete=models.CASCADE, related_name="actions"
    )
    title_en, title_km = text_pair(_("action"))
    owner_organisation = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("owner organisation"),
    )
    owner = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    strategies = models.ManyToManyField(Strategy, blank=True, related_name="actions")
    reminded_for = models.DateField(
        null=True, blank=True, help_text="The due date the last reminder was sent for: one reminder per date."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    title = bilingual("title")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title
