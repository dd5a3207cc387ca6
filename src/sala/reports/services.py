"""The few fields of a meeting report that people write; the rest of the report is read from data."""

from django.db import transaction

from sala.core import audit
from sala.meetings.models import Meeting

from .models import ReportSummary

SUMMARY_FIELDS = (
    "summary_en",
    "summary_km",
    "qa_summary_en",
    "qa_summary_km",
    "conclusion_en",
    "conclusion_km",
)


@transaction.atomic
def save_report_summary(*, meeting: Meeting, actor, **texts: str) -> ReportSummary:
    """Write the report's summary, Q&A summary and conclusion (each in English and Khmer)."""
    values = {name: texts.get(name, "").strip() for name in SUMMARY_FIELDS}
    old = ReportSummary.objects.select_for_update().filter(meeting=meeting).first()
    changed = [name for name in SUMMARY_FIELDS if getattr(old, name, "") != values[name]]
    summary, _created = ReportSummary.objects.update_or_create(meeting=meeting, defaults=values)
    audit.record(
        action="report.summary_saved",
        scope=meeting,
        target=summary,
        actor=actor,
        data={"fields": changed, "count": len(changed)},
    )
    return summary
