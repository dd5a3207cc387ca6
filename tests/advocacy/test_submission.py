"""The joint submission: the data built once, then an editable Word file and a PDF, en and km."""

import io

import pytest
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from sala.advocacy.documents import add_text
from sala.advocacy.services import save_finding
from sala.advocacy.submission import ConcernCount, build_submission
from sala.core.models import AuditEntry
from tests.factories import MeetingFactory
from tests.support.pdfcheck import check_pdf

from .conftest import SLUG, add_input, article

pytestmark = pytest.mark.django_db
BASE = f"/{{}}/manage/consultations/{SLUG}/consolidation/"
LONG_KHMER = (
    "គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងបទល្មើសបច្ចេកវិទ្យាព័ត៌មានមានអំណាចធំពេកដោយគ្មានការត្រួតពិនិត្យពីតុលាការ "
    "ហើយមាត្រានេះអនុញ្ញាតឱ្យគណៈកម្មាធិការបញ្ជាឱ្យក្រុមហ៊ុនផ្តល់សេវាលុបឬបិទខ្លឹមសារណាមួយដែលខ្លួនយល់ថាមានគ្រោះថ្នាក់។"
)


@pytest.fixture
def position(consultation, organiser, organisations):
    meeting = consultation.meetings.get()
    meeting.organisations.add(organisations[0], organisations[1])
    MeetingFactory(consultation=consultation).organisations.add(organisations[0])
    a12, a5 = article(consultation, "12"), article(consultation, "5")
    for concern, org in (("expression", 0), ("expression", 1), ("vague", 1), ("penalties", None)):
        add_input(
            consultation,
            article=a12,
            concern=concern,
            organisation=organisations[org] if org is not None else None,
        )
    add_input(consultation, article=a5, concern="powers", organisation=organisations[2])
    save_finding(
        consultation=consultation,
        article=a12,
        actor=organiser,
        finding_en="The terms are vague.",
        finding_km="ពាក្យ «រារាំងអធិបតេយ្យភាព» គ្មាននិយមន័យច្បាស់លាស់។",
        recommendation_en="Delete Article 12.",
        recommendation_km="លុបមាត្រា ១២ ចោល។",
        wording_en="Article 12 (deleted).\nSee the Criminal Code.",
        wording_km="មាត្រា ១២ (លុបចោល)។",
    )
    save_finding(consultation=consultation, article=a5, actor=organiser, finding_km=LONG_KHMER)
    save_finding(
        consultation=consultation, article=None, actor=organiser, recommendation_en="Consult the public."
    )
    return consultation


def test_the_data_has_each_article_with_a_position_in_the_drafts_order(position):
    with translation.override("en"):
        submission = build_submission(position)
    assert submission.title == "Consultation on the digital rights law" and submission.draft == "Draft V.3"
    assert submission.organisers == [
        "Cambodian Center for Human Rights (CCHR)",
        "Cambodian Journalists Alliance (CamboJA)",
    ]
    assert not submission.published
    assert [a.title for a in submission.articles] == [
        "The text as a whole",
        "Article 5: Powers of the Committee",
        "Article 12: Content offences",
    ]
    whole, a5, a12 = submission.articles
    assert whole.text == "" and whole.recommendation == "Consult the public." and whole.inputs == 0
    assert a5.finding == LONG_KHMER  # no English written: the Khmer text rather than nothing
    assert a12.concerns == [
        ConcernCount("Vague or broad wording", 1),
        ConcernCount("Freedom of expression", 2),
        ConcernCount("Proportionality of penalties", 1),
    ]
    assert (a12.inputs, a12.organisations) == (4, 2)
    assert a12.text.startswith("Publishing content deemed")


def test_the_data_in_khmer(position):
    with translation.override("km"):
        submission = build_submission(position)
    a12 = submission.articles[-1]
    assert submission.lang == "km" and a12.title.endswith("១២: Content offences")
    assert a12.finding.startswith("ពាក្យ") and a12.wording == "មាត្រា ១២ (លុបចោល)។"


def khmer_runs(document):
    runs = [r for p in document.paragraphs for r in p.runs]
    runs += [
        r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
    ]
    return [r for r in runs if any("\u1780" <= ch <= "\u17ff" for ch in r.text)]


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_docx_reads_back_with_real_headings_and_the_khmer_font(organiser_client, position, lang):
    response = organiser_client.get(BASE.format(lang) + "joint-submission.docx")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}-joint-submission-{lang}.docx"'
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(headings) == 3 and headings[-1].endswith("Content offences")
    assert document.tables and len(document.tables[0].rows) == 2  # article 5: its heading row and one concern
    runs = khmer_runs(document)
    assert runs
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:cs")) == "Khmer OS" and fonts.get(qn("w:hint")) == "cs"
        assert run._r.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "km-KH"
        assert run._r.rPr.find(qn("w:szCs")) is not None
        children = [child.tag for child in run._r.rPr]
        assert children.index(qn("w:rFonts")) < children.index(qn("w:szCs")) < children.index(qn("w:lang"))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:cs")) == "Khmer OS"
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "km-KH"
    assert b"cstheme" not in document.styles.element.xml.encode()


def test_the_docx_keeps_line_breaks(organiser_client, position):
    document = Document(io.BytesIO(organiser_client.get(BASE.format("en") + "joint-submission.docx").content))
    wording = next(p for p in document.paragraphs if p.text.startswith("Article 12 (deleted)."))
    assert wording.text == "Article 12 (deleted).\nSee the Criminal Code."


def test_bold_khmer_is_bold_in_the_complex_script_too():
    run = add_text(Document().add_paragraph(), "មតិ", bold=True)
    children = [child.tag for child in run._r.rPr]
    assert children[:3] == [qn("w:rFonts"), qn("w:b"), qn("w:bCs")]


def test_the_khmer_pdf_renders_khmer_shaped(organiser_client, position):
    response = organiser_client.get(BASE.format("km") + "joint-submission.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert check_pdf(response.content, pages=None) == []  # no .notdef, dotted circle, overflow
    reader = PdfReader(io.BytesIO(response.content))
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("Noto-Sans-Khmer" in name for name in fonts)
    assert len(reader.pages) >= 2  # the cover, then the articles


def test_the_english_pdf_by_query_parameter(organiser_client, position):
    response = organiser_client.get(BASE.format("km") + "joint-submission.pdf?lang=en")
    assert response["Content-Disposition"] == f'inline; filename="{SLUG}-joint-submission-en.pdf"'
    assert check_pdf(response.content, pages=None) == []
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Article 12: Content offences" in text and "Delete Article 12." in text
    assert "Organisations that raised it: 2 (inputs: 4)." in text


def test_each_export_is_audited_without_personal_data(organiser_client, organiser, position):
    organiser_client.get(BASE.format("en") + "joint-submission.docx")
    organiser_client.get(BASE.format("km") + "joint-submission.pdf")
    entries = AuditEntry.objects.filter(action="export.position").order_by("pk")
    assert [(e.actor, e.scope) for e in entries] == [(organiser, f"meetings.consultation:{position.pk}")] * 2
    assert [{k: v for k, v in e.data.items() if k != "title"} for e in entries] == [
        {"kind": "docx", "lang": "en", "count": 3},
        {"kind": "pdf", "lang": "km", "count": 3},
    ]
    assert entries[0].data["title"]["en"] == "Joint submission (Word)"
