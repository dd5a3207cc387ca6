"""The report's PDF: Khmer shaped (checked on the rendered pages, with a negative control), and no
box of the layout past the page's right margin, however long a word in a table cell."""

import io

import pytest
from django.utils.safestring import mark_safe
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.formatting_structure.boxes import MarginBox

from sala.advocacy.models import ActionItem
from sala.reports.data import build_report
from sala.reports.models import ReportSummary
from sala.reports.pdf import report_html, report_pdf
from tests.support.pdfcheck import check_pdf

from .conftest import PRIVATE_NAMES

pytestmark = pytest.mark.django_db
LONG_URL = "https://www.example.org/" + "cybercrime_law_analysis_" * 8 + "final.pdf"  # no break
LONG_KHMER = "សេចក្តីព្រាងច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យាព័ត៌មាន" * 4


def boxes(box):
    if isinstance(box, MarginBox):  # the page footer lives in the margin on purpose
        return
    yield box
    for child in getattr(box, "children", None) or []:
        yield from boxes(child)


def overflowing(html: str) -> list[str]:
    """Boxes that reach past the right edge of their page's content area (in CSS px)."""
    found = []
    for number, page in enumerate(HTML(string=html).render().pages, 1):
        root = page._page_box
        right = root.content_box_x() + root.width + 0.5
        for box in (box for child in root.children for box in boxes(child)):
            end = box.position_x + box.margin_width()
            if end > right:
                text = getattr(box, "text", "") or type(box).__name__
                found.append(f"page {number}: {text[:40]!r} ends at {end:.0f} > {right:.0f}")
    return found


def font_names(pdf: bytes) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }


@pytest.fixture
def long_words(report_meeting):
    """A link and a Khmer run too long for any line, in a table cell and in the summary."""
    consultation = report_meeting.consultation
    ActionItem.objects.create(consultation=consultation, title_en=LONG_URL, title_km=LONG_KHMER)
    ReportSummary.objects.filter(meeting=report_meeting).update(summary_en=LONG_URL, summary_km=LONG_KHMER)
    return report_meeting


def test_the_khmer_pdf_shows_shaped_khmer_on_every_page(report_meeting):
    pdf = report_pdf(build_report(report_meeting, "km"))
    assert check_pdf(pdf, pages=None) == []  # no .notdef, no dotted circle, no ink in the margins
    assert any("Noto-Sans-Khmer" in name for name in font_names(pdf))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 4  # the cover, then the sections


def test_the_image_check_catches_unshaped_khmer_in_the_report(report_meeting):
    """Negative control: the same report with a broken Khmer text must fail the check."""
    ReportSummary.objects.filter(meeting=report_meeting).update(summary_km="\u17d2ក \u17c1ក")
    problems = check_pdf(report_pdf(build_report(report_meeting, "km")), pages=None)
    assert any("dotted circle" in p for p in problems), problems


@pytest.mark.parametrize("lang", ["en", "km"])
def test_no_box_runs_past_the_right_margin(long_words, lang):
    report = build_report(long_words, lang)
    assert overflowing(report_html(report)) == []
    assert check_pdf(report_pdf(report), pages=None) == []


def test_the_overflow_check_catches_a_wide_table():
    """Negative control: a table without a fixed layout, pushed wide by an unbreakable word."""
    html = f"<style>@page {{ size: A4; margin: 20mm }}</style><table><tr><td>{'x' * 300}</td></tr></table>"
    assert overflowing(html)


def test_the_english_pdf_has_each_section_and_no_name(report_meeting):
    pdf = report_pdf(build_report(report_meeting, "en"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for heading in (
        "Meeting report",
        "About the meeting",
        "Attendance",
        "The agenda as held",
        "Key findings",
        "Questions and answers",
        "Group work",
        "Inputs and what became of them",
        "Decisions",
        "Strategies and road map",
        "Follow-up actions",
        "Expected outcomes: were they met?",
        "Organisations endorsing the joint position",
        "Conclusion and next steps",
    ):
        assert heading in text, heading
    assert "Passed, with the quorum reached." in text and "Who decides what is false?" in text
    assert [name for name in PRIVATE_NAMES if name in text] == []
    assert "Page 1 of" in text


def test_without_the_wrapping_rules_the_same_report_overflows(long_words, monkeypatch):
    """Negative control on the report itself: the fixed layout and word breaking are what keep it in."""
    from sala.reports import pdf

    css = str(pdf.stylesheet())
    for rule in ("table-layout: fixed;", "overflow-wrap: anywhere;", "word-wrap: break-word;"):
        assert rule in css
        css = css.replace(rule, "")
    monkeypatch.setattr(pdf, "stylesheet", lambda: mark_safe(css))
    assert overflowing(report_html(build_report(long_words, "en")))
