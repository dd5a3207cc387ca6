from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class BreakoutGroup(models.Model):
    """A group of the meeting's group work, with its topic and the rapporteur who reports."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="breakout_groups")
    position = models.PositiveIntegerField(default=0)
    topic_en, topic_km = text_pair(_("topic"))
    rapporteur = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("rapporteur"),
    )

    topic = bilingual("topic")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("breakout group")
        verbose_name_plural = _("breakout groups")

    def __str__(self) -> str:
        return self.topic


class GroupMember(models.Model):
    """A person in a group; `meeting` repeats the group's so the database keeps one group each."""

    group = models.ForeignKey(BreakoutGroup, on_delete=models.CASCADE, related_name="members")
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="group_memberships")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="one_group_per_person")]

    def __str__(self) -> str:
        return str(self.person)


class GroupReport(models.Model):
    """What a group brings to the plenary, written by its rapporteur as they go.

    `revision` counts saves: an autosave carries the revision it started from, so a save
    from a stale page (a second phone, a queued request) is noticed instead of overwriting.
    """

    group = models.OneToOneField(BreakoutGroup, on_delete=models.CASCADE, related_name="report")
    key_points = models.TextField(_("key points"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    questions = models.TextField(_("questions for the plenary"), blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("group report")
        verbose_name_plural = _("group reports")

    def __str__(self) -> str:
        return str(self.group)
