"""The meeting report as HTML (for the PDF) and as PDF, with the stylesheet the preview uses too."""

from functools import lru_cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from sala.core.pdf import render_pdf
from sala.meetings.views.exports import page_footer_css

from .data import Report

STYLESHEET = Path(__file__).parent / "static" / "reports" / "report.css"


@lru_cache(maxsize=1)
def stylesheet() -> SafeString:
    """Sala's own file, inlined into the PDF's <style> (trusted: it is not escaped)."""
    return mark_safe(STYLESHEET.read_text(encoding="utf-8"))


def report_html(report: Report) -> str:
    """The whole document WeasyPrint lays out, with U+200B between Khmer words."""
    with translation.override(report.lang):
        return render_to_string(
            "reports/report.html",
            {"report": report, "page_footer": page_footer_css(report.lang), "stylesheet": stylesheet()},
        )


def report_pdf(report: Report) -> bytes:
    return render_pdf(report_html(report))
