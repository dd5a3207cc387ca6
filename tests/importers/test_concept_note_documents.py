"""Reading uploads: each format to numbered lines, and every bad file to a clear problem code."""

import io
import os
import random
import time
import zipfile

import docx
import pypdf
import pytest
import weasyprint

from sala.importers.concept_note import MAX_BYTES, MAX_PAGES, parse_concept_note
from sala.importers.concept_note.documents import MAX_UNPACKED_BYTES, read_lines
from sala.importers.problems import ImportProblem

AGENDA_ROWS = [
    ["Time", "Session", "Facilitator"],
    ["Day 1 – Monday, 6 March 2023", "", ""],
    ["08:00 – 08:30", "Registration", "Organising team"],
    [
        "08:30 – 10:00",
        "Key findings\n• Chapter 1\n• Chapter 2",
        "Dr. Chan Thy, Researcher (tbc)\nMs. Kim Lee",
    ],
    ["10:00 – 10:15", "Coffee break", ""],
    ["Day 2 – Tuesday, 7 March 2023", "", ""],
    ["08:00 – 09:00", "Way forward", "Lok Srey Sok Mean, Chair"],
]


def make_docx(
    paragraphs: list[str], table: list[list[str]] | None = None, listed: tuple[str, ...] = ()
) -> bytes:
    """A Word file: paragraphs (those in `listed` in a numbered list style), then a table."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph, style="List Number" if paragraph in listed else None)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(html: str) -> bytes:
    """A PDF with a real text layer, laid out as a browser would (tables, lists)."""
    return weasyprint.HTML(string=f"<style>td {{ vertical-align: top }}</style>{html}").write_pdf()


def problem(data: bytes, filename: str) -> str:
    with pytest.raises(ImportProblem) as raised:
        parse_concept_note(data, filename)
    return raised.value.code


def test_plain_text_keeps_line_numbers_and_splits_pipe_and_tab_rows():
    lines = read_lines(b"Title\n\n08:00 | Registration | All\n09:00\tTea\tAll\n| a | b |\n|---|---|", "n.md")
    assert [line.number for line in lines] == [1, 2, 3, 4, 5, 6]
    assert lines[2].cells == ("08:00", "Registration", "All")
    assert lines[3].cells == ("09:00", "Tea", "All")
    assert lines[4].cells == ("a", "b")
    assert lines[5].blank  # a Markdown rule row is no content


def test_an_indented_continuation_row_keeps_its_empty_time_cell():
    (line,) = read_lines(b"          |  - Chapter 1 |", "n.txt")
    assert line.cells == ("", "- Chapter 1")


def test_markdown_headings_and_emphasis():
    lines = read_lines(b"# Agenda\n**Date:** 5 June 2014", "n.md")
    assert (lines[0].text, lines[0].heading) == ("Agenda", True)
    assert lines[1].text == "Date: 5 June 2014"


def test_utf16_and_windows_1252_text_is_read():
    assert read_lines("ម៉ោង ៧:៣០".encode("utf-16"), "n.txt")[0].text == "ម៉ោង ៧:៣០"
    assert read_lines("Caf\xe9 – 8:00".encode("cp1252"), "n.txt")[0].text == "Café – 8:00"


def test_docx_body_in_order_with_table_rows_as_cells_and_list_paragraphs():
    data = make_docx(["Concept Note", "Objectives", "Compare laws"], AGENDA_ROWS, listed=("Compare laws",))
    lines = read_lines(data, "note.docx")
    assert [line.text for line in lines[:3]] == ["Concept Note", "Objectives", "Compare laws"]
    assert lines[2].listed and not lines[1].listed
    assert lines[3].cells == ("Time", "Session", "Facilitator")
    assert lines[6].cells[1] == "Key findings\n• Chapter 1\n• Chapter 2"
    assert not any(line.wraps for line in lines)


def test_a_docx_agenda_table_over_two_days():
    draft = parse_concept_note(
        make_docx(["Concept Note", "Workshop on the draft law"], AGENDA_ROWS), "a.docx"
    )
    assert draft["dates"] == ["2023-03-06", "2023-03-07"]
    assert [(i["date"], i["start"], i["end"], i["kind"]) for i in draft["agenda"]] == [
        ("2023-03-06", "08:00", "08:30", "registration"),
        ("2023-03-06", "08:30", "10:00", "session"),
        ("2023-03-06", "10:00", "10:15", "break"),
        ("2023-03-07", "08:00", "09:00", "closing"),
    ]
    findings = draft["agenda"][1]
    assert findings["sub_items"] == ["Chapter 1", "Chapter 2"]
    assert findings["facilitators"] == [
        {"name": "Dr. Chan Thy", "role": "Researcher", "tbc": True},
        {"name": "Ms. Kim Lee", "role": "", "tbc": False},
    ]
    assert draft["agenda"][3]["facilitators"] == [
        {"name": "Lok Srey Sok Mean", "role": "Chair", "tbc": False}
    ]


def test_a_pdf_agenda_table_is_read_from_its_text_layer():
    """A narrow table: PDF text puts "pm" and every wrapped piece of a cell on lines of their own."""
    html = """<p>CONCEPT NOTE</p><h1>Dialogue on the Draft Law on Trade Unions</h1>
    <p>Date: 27 August 2015</p><h2>5. Agenda</h2>
    <table style="width: 60%"><tr><th>Time</th><th>Session</th><th>Facilitators</th></tr>
    <tr><td>1:30-2:00 pm</td><td>Registration</td><td>Secretariat</td></tr>
    <tr><td>2:00-2:10 pm</td><td>Welcome remarks</td>
    <td>Ms. Phan Sophea, Director of the Labour Rights Centre</td></tr>
    <tr><td>2:10-3:15 pm</td><td>Session 1: Update and analysis of the draft law<ul>
    <li>Status of the draft law in the National Assembly</li><li>Registration provisions</li></ul></td>
    <td>Mr. Chea Bunthoeun, Legal Adviser (tbc)<br>Ms. Rath Sokha, Union Federation (tbc)</td></tr>
    <tr><td>3:15-3:30 pm</td><td>Break</td><td>All</td></tr></table>
    <p>Note: The agenda may change.</p>"""
    draft = parse_concept_note(make_pdf(html), "note.pdf")
    assert draft["title"] == "Dialogue on the Draft Law on Trade Unions"
    assert [(i["start"], i["end"], i["title"]) for i in draft["agenda"]] == [
        ("13:30", "14:00", "Registration"),
        ("14:00", "14:10", "Welcome remarks"),
        ("14:10", "15:15", "Session 1: Update and analysis of the draft law"),
        ("15:15", "15:30", "Break"),
    ]
    assert draft["agenda"][1]["facilitators"] == [
        {"name": "Ms. Phan Sophea", "role": "Director of the Labour Rights Centre", "tbc": False}
    ]
    assert [(f["name"], f["role"], f["tbc"]) for f in draft["agenda"][2]["facilitators"]] == [
        ("Mr. Chea Bunthoeun", "Legal Adviser", True),
        ("Ms. Rath Sokha", "Union Federation", True),
    ]
    assert draft["agenda"][0]["facilitators"][0]["name"] == "Secretariat"
    assert draft["agenda_note"] == "The agenda may change."


def test_a_pdf_with_an_owner_password_only_is_read():
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf("<p>Concept note</p><p>08:00-09:00 Opening</p>")))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert parse_concept_note(out.getvalue(), "n.pdf")["agenda"][0]["start"] == "08:00"


# ---- bad input ------------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pages(count: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(count):
        writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD = {
    "empty": (b"", "a.txt", "document.empty"),
    "only spaces": (b" \n\t \n", "a.txt", "document.empty"),
    "random binary": (random.Random(7).randbytes(4000), "a.txt", "document.unsupported_type"),
    "binary named docx": (b"\x00\x01garbage" * 50, "a.docx", "document.unreadable"),
    "text named pdf": (b"Agenda 08:00-09:00", "a.pdf", "document.unreadable"),
    "zip that is no docx": (_zip({"hello.txt": b"hi"}), "a.docx", "document.unsupported_type"),
    "zip cut short": (make_docx(["Agenda"])[:300], "a.docx", "document.unreadable"),
    "docx parts broken": (
        _zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"}),
        "a.docx",
        "document.unreadable",
    ),
    "old word or protected": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "a.doc",
        "document.unsupported_type",
    ),
    "rtf": (b"{\\rtf1\\ansi Agenda}", "a.rtf", "document.unsupported_type"),
    "broken pdf": (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF",
        "a.pdf",
        "document.unreadable",
    ),
    "pdf cut short": (make_pdf("<p>Agenda</p>")[:700], "a.pdf", "document.unreadable"),
    "encrypted pdf": (_encrypted_pdf(), "a.pdf", "document.encrypted"),
    "scanned pdf": (
        make_pdf('<div style="width:5cm;height:5cm;background:#333"></div>'),
        "a.pdf",
        "document.no_text",
    ),
    "too many pages": (_pages(MAX_PAGES + 1), "a.pdf", "document.too_many_pages"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_a_problem_with_a_clear_code(case):
    data, filename, code = BAD[case]
    assert problem(data, filename) == code


def test_a_file_over_the_size_limit_is_refused_at_once():
    started = time.monotonic()
    assert problem(b"08:00-09:00 Opening\n" * (50 * 1024 * 1024 // 20), "big.txt") == "document.too_large"
    assert len(b"x" * (MAX_BYTES + 1)) > MAX_BYTES
    assert time.monotonic() - started < 2


def test_a_zip_bomb_dressed_as_docx_is_refused_before_unpacking():
    bomb = _zip({"word/document.xml": b"\0" * (MAX_UNPACKED_BYTES + 1)})
    assert len(bomb) < 100_000
    assert problem(bomb, "agenda.docx") == "document.too_large"


def test_a_docx_part_packed_too_tightly_is_refused():
    assert problem(_zip({"word/document.xml": b"\0" * 5_000_000}), "agenda.docx") == "document.too_large"


def test_null_bytes_in_text_are_refused():
    assert (
        problem(b"Agenda\x00\x00\x00" + os.urandom(10) + b"\x00" * 100, "a.md") == "document.unsupported_type"
    )
