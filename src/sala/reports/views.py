"""The meeting report for its organisers: a preview with the written fields, and its PDF and Word files.

Only the consultation's organisers reach these pages (`OrganiserMixin`). The report names no
participant (see `data.py`), so its files are not exports of personal data: they are not
logged as such, but they stay private (never cached by a shared cache).
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import View

from sala.advocacy.views.exports import requested_language
from sala.core.docx import DOCX
from sala.core.models.bilingual import active_language
from sala.meetings.views.base import OrganiserMixin

from .data import Report, build_report
from .docx import report_docx
from .forms import ReportSummaryForm
from .models import ReportSummary
from .pdf import report_pdf
from .services import save_report_summary

TEMPLATE = "reports/manage/report.html"


class ReportView(OrganiserMixin, View):
    """The report as it stands, in the page's language, and the form of its written fields."""

    def get(self, request, slug):
        summary = ReportSummary.objects.filter(meeting=self.meeting).first()
        return self.page(ReportSummaryForm(instance=summary or ReportSummary()))

    def post(self, request, slug):
        form = ReportSummaryForm(request.POST)
        if not form.is_valid():
            return self.page(form, status=422)
        save_report_summary(meeting=self.meeting, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The report’s summary is saved."))
        return redirect(reverse("reports_manage:report", args=[slug]) + "#written")

    def page(self, form: ReportSummaryForm, status: int = 200):
        context = {
            "meeting": self.meeting,
            "report": build_report(self.meeting, active_language()),
            "form": form,
        }
        return render(self.request, TEMPLATE, context, status=status)


class ReportFileView(OrganiserMixin, View):
    """The report in the language asked for (?lang=km), as a file."""

    extension: str
    content_type: str
    as_attachment: bool

    def get(self, request, slug):
        lang = requested_language(request)
        response = HttpResponse(self.render(build_report(self.meeting, lang)), content_type=self.content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=self.as_attachment, filename=f"{slug}-report-{lang}.{self.extension}"
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def render(self, report: Report) -> bytes:
        raise NotImplementedError


class ReportPdfView(ReportFileView):
    extension, content_type, as_attachment = "pdf", "application/pdf", False

    def render(self, report: Report) -> bytes:
        return report_pdf(report)


class ReportDocxView(ReportFileView):
    extension, content_type, as_attachment = "docx", DOCX, True

    def render(self, report: Report) -> bytes:
        return report_docx(report)
