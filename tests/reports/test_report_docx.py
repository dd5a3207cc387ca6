"""The report's Word file reads back editable: real headings, lists and tables, no pictures, and
every run with Khmer in it set in the complex-script font, size and language."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from sala.reports.data import build_report
from sala.reports.docx import report_docx

from .conftest import KHMER_FINDING, OBJECTION, PRIVATE_NAMES

pytestmark = pytest.mark.django_db


def read(meeting, lang: str):
    return Document(io.BytesIO(report_docx(build_report(meeting, lang))))


def runs(document):
    paragraphs = list(document.paragraphs)
    paragraphs += [p for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [r for p in paragraphs for r in p.runs]


def all_text(document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_english_file_has_real_headings_and_tables(report_meeting):
    document = read(report_meeting, "en")
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["Consultative meeting on the draft Cybercrime Law"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Summary",
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
    ]
    sub = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "Article 12: Content offences" in sub and "Approve the road map" in sub
    assert [p.text for p in document.paragraphs if p.style.name == "List Number"][:2] == [
        "Share the findings",
        "Agree",
    ]
    assert not document.inline_shapes  # no pictures of text


def test_tables_hold_the_numbers_with_a_repeated_heading_row(report_meeting):
    document = read(report_meeting, "en")
    tables = {t.rows[0].cells[0].text: t for t in document.tables}
    inputs = tables["Article"]
    assert [c.text for c in inputs.rows[-1].cells] == ["All inputs", "5", "2", "1", "1", "1"]
    assert [c.text for c in tables["Vote"].rows[-1].cells] == ["All ballots", "5"]
    agenda = tables["Time"]
    assert (
        agenda.rows[2].cells[1].text
        == "Key findings of the analysis\n• Content offences\n• The committee's powers\n"
        "Materials: 1"
    )
    assert "Mr. Tek Vannara, Presenter (Confirmed)" in agenda.rows[2].cells[2].text
    assert [c.text for c in tables["Expected outcome"].rows[1].cells][:2] == [
        "The findings are shared",
        "Met",
    ]
    for table in document.tables:
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_the_file_names_no_participant(report_meeting):
    text = all_text(read(report_meeting, "en"))
    assert OBJECTION in text and "Who decides what is false? (5 votes; answered)" in text
    assert [name for name in PRIVATE_NAMES if name in text] == []


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_khmer_run_has_the_complex_script_font_size_and_language(report_meeting, lang):
    document = read(report_meeting, lang)
    khmer = [r for r in runs(document) if any("\u1780" <= ch <= "\u17ff" for ch in r.text)]
    assert len(khmer) >= (20 if lang == "km" else 1)  # in English: the finding written only in Khmer
    for run in khmer:
        rpr = run._r.rPr
        fonts = rpr.rFonts
        assert fonts.get(qn("w:cs")) == "Khmer OS" and fonts.get(qn("w:hint")) == "cs"
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "km-KH"
        assert rpr.find(qn("w:szCs")) is not None
        children = [child.tag for child in rpr]
        assert children.index(qn("w:rFonts")) < children.index(qn("w:szCs")) < children.index(qn("w:lang"))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:cs")) == "Khmer OS"
    assert b"cstheme" not in document.styles.element.xml.encode()


def test_khmer_headings_keep_the_headings_size(report_meeting):
    document = read(report_meeting, "km")
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    assert title.text == "កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាងច្បាប់"
    assert title.runs[0]._r.rPr.find(qn("w:szCs")).get(qn("w:val")) == "52"  # Title: 26 pt
    body = next(p for p in document.paragraphs if p.text == KHMER_FINDING)
    assert body.runs[0]._r.rPr.find(qn("w:szCs")).get(qn("w:val")) == "22"  # body text: 11 pt


def test_the_khmer_file_reads_in_khmer(report_meeting):
    text = all_text(read(report_meeting, "km"))
    assert "ថ្ងៃព្រហស្បតិ៍ ទី៥ ខែមិថុនា ឆ្នាំ២០១៤" in text and "អ្នកចូលរួមបានព្រមព្រៀងលើផែនទីបង្ហាញផ្លូវ។" in text
    assert "៨:០០–៩:៣០" in text


def test_the_word_file_is_a4(report_meeting):
    section = Document(io.BytesIO(report_docx(build_report(report_meeting, "km")))).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == round(section.right_margin.cm, 2) == 2.5
