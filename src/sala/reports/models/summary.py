from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class ReportSummary(models.Model):
    """The few fields of a meeting report that people write; everything else comes from the data."""

    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="report_summary"
    )
    summary_en, summary_km = text_pair(_("summary"), long=True)
    qa_summary_en, qa_summary_km = text_pair(_("summary of the questions and answers"), long=True)
    conclusion_en, conclusion_km = text_pair(_("conclusion and next steps"), long=True)
    updated_at = models.DateTimeField(auto_now=True)

    summary = bilingual("summary")
    qa_summary = bilingual("qa_summary")
    conclusion = bilingual("conclusion")

    class Meta:
        verbose_name = _("report summary")
        verbose_name_plural = _("report summaries")

    def __str__(self) -> str:
        return str(self.meeting)
