"""`sala export_report`: a valid file for each format and language, and clear refusals."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from .conftest import SLUG

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["en", "km"])
def test_writes_a_pdf_and_a_word_file(report_meeting, tmp_path, lang):
    out = io.StringIO()
    call_command(
        "export_report", SLUG, "--format", "pdf", "--lang", lang, "-o", str(tmp_path / "r.pdf"), stdout=out
    )
    call_command("export_report", SLUG, "--format", "docx", "--lang", lang, "-o", str(tmp_path / "r.docx"))
    assert len(PdfReader(tmp_path / "r.pdf").pages) >= 4
    document = Document(tmp_path / "r.docx")
    assert (
        document.paragraphs[0].text
        == {
            "en": "Consultative meeting on the draft Cybercrime Law",
            "km": "កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាងច្បាប់",
        }[lang]
    )
    assert out.getvalue().startswith(f"{tmp_path / 'r.pdf'}: pdf report in {lang},")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-meeting"], "No meeting with the slug 'no-such-meeting'."),
        ([SLUG, "--format", "odt"], "Unknown format 'odt': use one of pdf, docx."),
        ([SLUG, "--lang", "fr"], "Unknown language 'fr': use one of en, km."),
    ],
)
def test_bad_arguments_fail_clearly_and_write_nothing(report_meeting, tmp_path, args, message):
    target = tmp_path / "report.pdf"
    with pytest.raises(CommandError) as error:
        call_command("export_report", *args, "-o", str(target))
    assert str(error.value) == message
    assert not target.exists()


def test_an_unwritable_file_is_reported(report_meeting, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("export_report", SLUG, "--format", "docx", "-o", str(tmp_path / "missing" / "r.docx"))
    assert "No such file or directory" in str(error.value)
