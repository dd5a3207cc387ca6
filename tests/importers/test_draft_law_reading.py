"""Reading uploaded drafts: each format to text, and every bad file to a problem code."""

import io
import zipfile

import docx
import pypdf
import pytest

from sala.core.errors import DomainError
from sala.importers.draft_law import MAX_BYTES, read_document, reading, split_draft
from sala.importers.problems import ImportProblem
from tests.support.shared import SHARED

KHMER_SAMPLE = SHARED / "samples" / "draft-laws" / "lango-illustrative-km.txt"


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer, one text line per item."""
    shown = " ".join(
        "({}) Tj T*".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
        for line in lines
    )
    content = f"BT /F1 11 Tf 14 TL 72 770 Td {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def encrypt_pdf(data: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def problem_code(data: bytes, filename: str) -> str:
    """The problem's code, once its message has rendered from the params it carries."""
    with pytest.raises(ImportProblem) as raised:
        read_document(data, filename)
    assert raised.value.params["name"] == filename
    assert DomainError(raised.value.code, **raised.value.params).message
    return raised.value.code


def test_plain_text_and_markdown_with_any_line_ends_and_a_bom():
    data = "\ufeffArticle 1: Purpose\r\nច្បាប់\u200bនេះ\rEnd.  \n".encode()
    assert read_document(data, "draft.TXT") == "Article 1: Purpose\nច្បាប់នេះ\nEnd.  "
    assert read_document("# Draft\n".encode("utf-16"), "draft.md") == "# Draft"


def test_docx_paragraphs_and_table_rows_in_order():
    if not KHMER_SAMPLE.exists():
        pytest.skip("no Khmer sample")
    paragraphs = [line for line in KHMER_SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    data = make_docx(paragraphs, table=[["ក", "ខ"], ["1", "2"]])
    text = read_document(data, "lango.docx")
    assert text.splitlines() == [*paragraphs, "ក | ខ", "1 | 2"]
    draft = split_draft(text)
    assert (len(draft.chapters), len(draft.all_articles())) == (3, 6)


def test_pdf_text_layer():
    data = make_pdf(
        ["CHAPTER 1", "GENERAL PROVISIONS", "Article 1: Purpose", "This law aims (in short) to help."]
    )
    draft = split_draft(read_document(data, "draft.pdf"))
    assert draft.chapters[0].heading == "GENERAL PROVISIONS"
    assert draft.all_articles()[0].text == "This law aims (in short) to help."


def test_pdf_protected_only_against_editing_opens():
    data = encrypt_pdf(make_pdf(["Article 1: Purpose", "Text."]), user_password="")
    assert "Article 1: Purpose" in read_document(data, "draft.pdf")


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "draft.txt", "document.empty"),
        (b"x" * (MAX_BYTES + 1), "draft.txt", "document.too_large"),
        (b"Article 1", "draft.doc", "document.unsupported_type"),
        (b"Article 1", "draft", "document.unsupported_type"),
        (b"\xff\xd8\xff\xe0 a JPEG", "draft.txt", "document.unreadable"),
        (b"Article\x00 1", "draft.txt", "document.unreadable"),
        (b" \n\t\n", "draft.txt", "document.no_text"),
        (b"PK\x03\x04 not really a zip", "draft.docx", "document.unreadable"),
        (b"%PDF-1.4 nothing else", "draft.pdf", "document.unreadable"),
        (make_pdf([]), "scan.pdf", "document.no_text"),
        (make_docx(["", "  "]), "blank.docx", "document.no_text"),
        (
            reading._OLE_MAGIC + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"),
            "locked.docx",
            "document.encrypted",
        ),
        (reading._OLE_MAGIC + b"\0" * 64, "old-word.docx", "document.unsupported_type"),
    ],
)
def test_bad_files_are_problems(data, filename, code):
    assert problem_code(data, filename) == code


def test_pdf_with_a_password_is_encrypted():
    data = encrypt_pdf(make_pdf(["Article 1: Purpose"]), user_password="secret")
    assert problem_code(data, "draft.pdf") == "document.encrypted"


def test_zip_bomb_dressed_as_docx_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(docx, "Document", lambda *args: pytest.fail("the bomb reached python-docx"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(reading.MAX_UNPACKED_BYTES // 2**20 + 1):
                member.write(bytes(2**20))
    assert len(out.getvalue()) < 1_000_000  # small on the wire, over 100 MB unpacked
    assert problem_code(out.getvalue(), "innocent.docx") == "document.too_large"


def test_pdf_pages_are_limited(monkeypatch):
    monkeypatch.setattr(reading, "MAX_PDF_PAGES", 0)
    assert problem_code(make_pdf(["Article 1: Purpose"]), "long.pdf") == "document.too_many_pages"
