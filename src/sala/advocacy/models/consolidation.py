from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class Finding(models.Model):
    """The coalition's consolidated position on one article (or on the text as a whole)."""

    consultation = models.ForeignKey(
        "meetings.Consultation", on_delete=models.CASCADE, related_name="findings"
    )
    article = models.ForeignKey(
        "laws.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    finding_en, finding_km = text_pair(_("finding"), long=True)
    recommendation_en, recommendation_km = text_pair(_("recommendation"), long=True)
    wording_en, wording_km = text_pair(_("recommended wording"), long=True)
    updated_at = models.DateTimeField(auto_now=True)

    finding = bilingual("finding")
    recommendation = bilingual("recommendation")
    wording = bilingual("wording")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "article"], name="one_finding_per_article"),
            models.UniqueConstraint(
                fields=["consultation"],
                condition=models.Q(article=None),
                name="one_finding_on_the_whole_text",
            ),
        ]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.consultation}: {self.article or '-'}"


class Disposition(models.Model):
    """What became of an input: the trace from a participant's words to the joint position."""

    class Status(models.TextChoices):
        INTEGRATED = "integrated", _("Integrated")
        MERGED = "merged", _("Merged into another input")
        NOT_INTEGRATED = "not_integrated", _("Not integrated")

    input = models.OneToOneField("participation.Input", on_delete=models.CASCADE, related_name="disposition")
    status = models.CharField(_("what became of it"), max_length=20, choices=Status.choices)
    # A withdrawn input takes the decisions merged into it along: those inputs are undecided again.
    merged_into = models.ForeignKey(
        "participation.Input", null=True, blank=True, on_delete=models.CASCADE, related_name="merged_inputs"
    )
    reason_en, reason_km = text_pair(_("reason"), long=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    reason = bilingual("reason")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="merged") | models.Q(merged_into__isnull=False),
                name="merged_input_names_the_other",
            )
        ]
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")

    def __str__(self) -> str:
        return f"{self.input_id}: {self.status}"
