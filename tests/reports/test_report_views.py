"""The report's pages and files for organisers, who else may reach them (nobody), and their Khmer."""

import io
import re

import pytest
from django.apps import apps
from django.db import models
from docx import Document
from pypdf import PdfReader

from sala.advocacy.models import OutcomeRule
from sala.core.models import AuditEntry
from sala.reports.models import ReportSummary
from tests.core.test_i18n import data_words, get, latin_words, stray_words
from tests.support.pdfcheck import check_pdf

from .conftest import PRIVATE_NAMES, SLUG

pytestmark = pytest.mark.django_db
BASE = f"/{{}}/manage/meetings/{SLUG}/"
SUMMARY = {
    "summary_en": "A new summary.",
    "summary_km": "សេចក្តីសង្ខេបថ្មី។",
    "qa_summary_en": "",
    "qa_summary_km": "សំណួរភាគច្រើនទាក់ទងនឹងមាត្រា ១២។",
    "conclusion_en": "We meet again in July.",
    "conclusion_km": "",
}


def test_the_preview_shows_the_report_the_form_and_the_files(organiser_client, report_meeting):
    response = organiser_client.get(BASE.format("en") + "report/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fifty people met and agreed on a road map." in html  # the preview
    assert 'name="summary_km"' in html  # the form
    for link in ("report.pdf?lang=en", "report.pdf?lang=km", "report.docx?lang=en", "report.docx?lang=km"):
        assert f"/en/manage/meetings/{SLUG}/{link}" in html
    assert "Passed, with the quorum reached." in html and "Who decides what is false?" in html
    assert [name for name in PRIVATE_NAMES if name in html] == []
    assert ' style="' not in html.split('class="report-preview"')[1]  # the CSP forbids style attributes


def test_saving_the_written_parts(organiser_client, organiser, report_meeting):
    response = organiser_client.post(BASE.format("en") + "report/", SUMMARY)
    assert response.status_code == 302 and response["Location"].endswith("/report/#written")
    summary = ReportSummary.objects.get(meeting=report_meeting)
    assert (summary.summary_en, summary.qa_summary_en, summary.qa_summary_km) == (
        "A new summary.",
        "",
        "សំណួរភាគច្រើនទាក់ទងនឹងមាត្រា ១២។",
    )
    entry = AuditEntry.objects.filter(action="report.summary_saved").order_by("-pk").first()
    assert (entry.actor, entry.data["count"]) == (organiser, 5)  # the Khmer conclusion stays empty
    assert "conclusion_km" not in entry.data["fields"]
    page = organiser_client.get(BASE.format("km") + "report/").content.decode()
    assert "សេចក្តីសង្ខេបថ្មី។" in page and "We meet again in July." in page  # no Khmer: the English


def test_the_khmer_pdf(organiser_client, report_meeting):
    response = organiser_client.get(BASE.format("en") + "report.pdf?lang=km")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{SLUG}-report-km.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert check_pdf(response.content, pages=None) == []
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 4


def test_the_english_word_file(organiser_client, report_meeting):
    response = organiser_client.get(BASE.format("km") + "report.docx?lang=en")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}-report-en.docx"'
    assert response["Cache-Control"] == "private, no-store"
    document = Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text == "Consultative meeting on the draft Cybercrime Law"


def test_without_a_language_the_files_follow_the_page(organiser_client, report_meeting):
    response = organiser_client.get(BASE.format("km") + "report.docx")
    assert response["Content-Disposition"].endswith('-report-km.docx"')


# Who may reach the pages

PAGES = ["report/", "report.pdf?lang=km", "report.docx?lang=en", "outcomes/", "outcomes/status/"]


def posts(meeting) -> dict[str, dict]:
    outcome = meeting.outcomes.first()
    rule = {
        f"outcome-{outcome.pk}-kind": "attendance",
        f"outcome-{outcome.pk}-met_share": "10",
        f"outcome-{outcome.pk}-partly_share": "5",
    }
    return {"report/": SUMMARY, f"outcomes/{outcome.pk}/": rule}


def unchanged(meeting):
    summary = ReportSummary.objects.get(meeting=meeting)
    return summary.summary_en, list(OutcomeRule.objects.order_by("pk").values_list("kind", "met_share"))


def test_anonymous_visitors_are_sent_to_sign_in(client, report_meeting):
    before = unchanged(report_meeting)
    for page in PAGES:
        response = client.get(BASE.format("en") + page)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], page
    for page, data in posts(report_meeting).items():
        response = client.post(BASE.format("en") + page, data)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], page
    assert unchanged(report_meeting) == before


@pytest.mark.parametrize("who", ["participant", "other_organiser"])
@pytest.mark.parametrize(("visibility", "status"), [("public", 403), ("invitation", 404)])
def test_others_are_refused_and_change_nothing(client, report_meeting, request, who, visibility, status):
    report_meeting.visibility = visibility
    report_meeting.save()
    client.force_login(request.getfixturevalue(who))
    before = unchanged(report_meeting)
    for page in PAGES:
        assert client.get(BASE.format("en") + page).status_code == status, page
    for page, data in posts(report_meeting).items():
        assert client.post(BASE.format("en") + page, data).status_code == status, page
    assert unchanged(report_meeting) == before


# Khmer


def stored_words() -> set[str]:
    """Latin words of what people typed into the advocacy, participation and report models."""
    words = data_words()
    for label in ("advocacy", "participation", "reports"):
        for model in apps.get_app_config(label).get_models():
            texts = [f.name for f in model._meta.fields if isinstance(f, models.CharField | models.TextField)]
            for row in model.objects.values_list(*texts):
                for value in row:
                    words |= latin_words(value) if isinstance(value, str) else set()
    return words


def test_the_new_pages_are_all_khmer(organiser_client, report_meeting, monkeypatch):
    outcome = report_meeting.outcomes.first()
    typed_before = stored_words()  # the summary posted below replaces some of it
    pages = {url: get(organiser_client, BASE.format("km") + url) for url in ["report/", "outcomes/"]}
    pages["outcomes/status/"] = get(organiser_client, BASE.format("km") + "outcomes/status/")
    bad_rule = {f"outcome-{outcome.pk}-kind": "attendance", f"outcome-{outcome.pk}-met_share": "៥០"}
    response = organiser_client.post(BASE.format("km") + f"outcomes/{outcome.pk}/", bad_rule)
    assert response.status_code == 422
    pages["outcomes: errors"] = response.content.decode()
    response = organiser_client.post(
        BASE.format("km") + f"outcomes/{outcome.pk}/",
        {**bad_rule, f"outcome-{outcome.pk}-partly_share": "៦០"},
        HTTP_HX_REQUEST="true",
    )
    pages["outcomes: HTMX error"] = response.content.decode()
    response = organiser_client.post(BASE.format("km") + "report/", SUMMARY, follow=True)
    pages["report: saved"] = response.content.decode()

    rendered = []

    class CapturedHTML:
        def __init__(self, string, **kwargs):
            rendered.append(string)

        def write_pdf(self):
            return b"%PDF-1.7"

    monkeypatch.setattr("sala.core.pdf.HTML", CapturedHTML)
    assert organiser_client.get(BASE.format("km") + "report.pdf").status_code == 200
    (html,) = rendered
    footer = re.search(r"@bottom-center \{ content: (.*?);", html).group(1)
    pages["report.pdf"] = html
    pages["report.pdf (page footer)"] = f"<p>{footer}</p>"
    allowed = typed_before | stored_words() | {"counter", "page", "pages", "khmer"}  # CSS counters, not words
    allowed |= {"PDF", "Word"}  # the formats' names: Khmer writes them so too
    stray = stray_words(pages, allowed)
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"
