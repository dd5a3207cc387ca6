"""Reading a participant list from bytes: formats, encodings, and every way an upload can be bad."""

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from sala.importers.people_list import MAX_BYTES, MAX_ROWS, parse_rows, read_table
from sala.importers.people_list.reading import MAX_UNPACKED_BYTES

from .test_people_list_support import CSV, XLSX, problem

HEADER = "Name,Gender,Organisation,Phone\r\n"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512  # the start of an old Office file


def xlsx(*sheets: list[list], hidden: tuple[int, ...] = ()) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for index, rows in enumerate(sheets):
        sheet = workbook.create_sheet(f"Sheet{index + 1}")
        for row in rows:
            sheet.append(row)
        if index in hidden:
            sheet.sheet_state = "hidden"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.skipif(not CSV.exists(), reason="shared samples not present")
def test_format_is_recognised_by_content_not_by_name():
    assert read_table(CSV.read_bytes(), "list.xlsx").header_row == 1
    assert read_table(XLSX.read_bytes(), "list.csv").header_row == 3


@pytest.mark.parametrize(
    "data",
    [
        (HEADER + "Chea Bopha,F,RDF,012 345 678\r\n").encode("utf-8"),
        (HEADER + "Chea Bopha,F,RDF,012 345 678\r\n").encode("utf-8-sig"),
        (HEADER + "Chea Bopha,F,RDF,012 345 678\r\n").encode("utf-16"),
        (HEADER + "Chéa Bopha,F,RDF,012 345 678\r\n").encode("cp1252"),
        (HEADER + "Chea Bopha,F,RDF,012 345 678\r\n").replace(",", ";").encode(),
        (HEADER + "Chea Bopha,F,RDF,012 345 678\r\n").replace(",", "\t").encode(),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16", "cp1252", "semicolons", "tabs"],
)
def test_csv_encodings_and_delimiters(data):
    table = read_table(data, "list.csv")
    assert table.headers == ["Name", "Gender", "Organisation", "Phone"]
    (row,) = parse_rows(table)
    assert row.values["name_latin"] in {"Chea Bopha", "Chéa Bopha"}
    assert (row.values["gender"], row.values["organisation"], row.values["phone"]) == (
        "woman",
        "RDF",
        "+85512345678",
    )


def test_semicolons_win_over_commas_inside_cells():
    data = b"Name;Organisation;Phone\nChea Bopha;Faculty of Law, Phnom Penh;012345678\n"
    (row,) = parse_rows(read_table(data, "list.csv"))
    assert row.values["organisation"] == "Faculty of Law, Phnom Penh"


def test_rows_are_numbered_as_in_the_file_and_empty_rows_skipped():
    data = f"Participant list\n\n{HEADER}Chea Bopha,F,RDF,\n,,,\n\nSok Dara,M,RDF,\n".encode()
    table = read_table(data, "list.csv")
    assert table.header_row == 3
    assert [number for number, _ in table.rows] == [4, 7]
    assert [(row.row, row.record) for row in parse_rows(table)] == [(4, 1), (7, 2)]


def test_rows_are_as_wide_as_the_table():
    table = read_table(f"{HEADER}Chea Bopha\nSok Dara,M,RDF,012345678,extra\n".encode(), "list.csv")
    assert len(table.headers) == 5
    assert [len(cells) for _, cells in table.rows] == [5, 5]


def test_xlsx_numbers_and_dates_become_the_text_a_person_sees():
    data = xlsx(
        [
            ["Name", "Phone", "Position"],
            ["Chea Bopha", 12345678, datetime(2014, 6, 5)],
            ["Sok", 1.5, date(2014, 6, 5)],
        ]
    )
    table = read_table(data, "list.xlsx")
    assert [cells for _, cells in table.rows] == [
        ["Chea Bopha", "12345678", "2014-06-05"],
        ["Sok", "1.5", "2014-06-05"],
    ]
    assert parse_rows(table)[0].values["phone"] == "+85512345678"


def test_xlsx_skips_hidden_sheets_and_sheets_without_a_header():
    notes = [["How to fill in this list"], ["One person per row"]]
    hidden = [["Name", "Email"], ["Hidden Person", "hidden@example.org"]]
    people = [["No.", "Name", "Email"], [1, "Chea Bopha", "bopha@example.org"]]
    table = read_table(xlsx(notes, hidden, people, hidden=(1,)), "list.xlsx")
    assert table.headers == ["No.", "Name", "Email"]
    assert table.mapping == {1: "name_latin", 2: "email"}


@pytest.mark.parametrize("data", [b"", b"  \r\n\t "], ids=["empty", "blank"])
def test_empty_file(data):
    assert problem(data).code == "document.empty"


def test_too_large_file():
    assert problem(HEADER.encode() + b"x" * MAX_BYTES).code == "document.too_large"


def test_zip_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    assert len(out.getvalue()) < MAX_BYTES
    assert problem(out.getvalue(), "list.xlsx").code == "document.too_large"


def test_too_many_rows():
    data = (HEADER + "Chea Bopha,F,RDF,012345678\n" * (MAX_ROWS + 1)).encode()
    assert problem(data).code == "people.too_many_rows"
    assert (
        len(read_table((HEADER + "Chea Bopha,F,RDF,012345678\n" * MAX_ROWS).encode(), "l.csv").rows)
        == MAX_ROWS
    )


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "Workbook".encode("utf-16-le"),
            "people.old_excel",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le"),
            "document.encrypted",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "document.unsupported_type"),
        (b"PK\x03\x04garbage that is no zip", "document.unreadable"),
        (bytes(range(256)) * 40, "document.unreadable"),
        (b"just,one\nline of,text\n", "people.no_header"),
    ],
    ids=["xls", "password", "pdf", "broken zip", "binary", "no header"],
)
def test_unreadable_uploads_are_one_clear_problem(data, code):
    assert problem(data, "list.xls").code == code


def test_a_zip_that_is_no_workbook_is_unsupported():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert problem(out.getvalue(), "list.docx").code == "document.unsupported_type"


def test_a_damaged_sheet_is_unreadable():
    data = xlsx([["Name", "Email"], ["Chea Bopha", "bopha@example.org"]])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for part in source.infolist():
            content = source.read(part)
            archive.writestr(
                part, content[: len(content) // 2] if "worksheets/sheet" in part.filename else content
            )
    assert problem(out.getvalue(), "list.xlsx").code == "document.unreadable"


def test_one_damaged_byte_does_not_lose_a_khmer_list():
    data = ("ឈ្មោះ,ភេទ,ស្ថាប័ន\n" + "ជា បុប្ផា,ស្រី,RDF\n" * 5 + "សុខ ដារ៉ា,ប្រុស,RDF\n").encode()
    damaged = data.replace("ដារ៉ា".encode(), b"\xff" + "ដារ៉ា".encode())
    table = read_table(damaged, "list.csv")
    assert [row.values["gender"] for row in parse_rows(table)] == ["woman"] * 5 + ["man"]
