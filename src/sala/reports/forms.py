"""The report's written fields; the form parses, `services.save_report_summary` saves."""

from django import forms

from .models import ReportSummary
from .services import SUMMARY_FIELDS


class ReportSummaryForm(forms.ModelForm):
    class Meta:
        model = ReportSummary
        fields = SUMMARY_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in SUMMARY_FIELDS}
