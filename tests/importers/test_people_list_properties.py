"""Whatever the upload, reading it gives a table or an ImportProblem, and no data row is lost."""

import io
import random
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sala.importers.people_list import FIELDS, identity_keys, normalise_phone, parse_rows, read_table
from sala.importers.people_list.reading import Table
from sala.importers.problems import ImportProblem

from .test_people_list_support import CSV, XLSX

if not CSV.exists():
    pytest.skip("shared samples not present", allow_module_level=True)
SAMPLE_CSV = CSV.read_bytes()
SAMPLE_XLSX = XLSX.read_bytes()
with zipfile.ZipFile(XLSX) as _sample:
    XLSX_PARTS = sorted(_sample.namelist())
# Cells drawn from what lists hold: Khmer and Latin letters and digits, separators, quotes.
CELL_TEXT = st.text(st.sampled_from("aZé០៩ជាបុ្ផ  ,;/()@.+-'\"\t\n\u200b"), max_size=12) | st.sampled_from(
    ["", "F", "ស្រី", "Other", "NGO", "012 345 678", "x@example.org", "Mr. Chea", "Name (ACR)"]
)
CHECKS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # openpyxl takes its time


def mutate(data: bytes, seed: int, edits: int) -> bytes:
    """`data` with random bytes deleted, inserted or replaced."""
    rng, out = random.Random(seed), bytearray(data)
    for _ in range(edits):
        at = rng.randrange(len(out) + 1)
        kind = rng.choice(("delete", "insert", "replace"))
        if kind == "delete":
            del out[at : at + rng.randint(1, 40)]
        elif kind == "insert":
            out[at:at] = rng.randbytes(rng.randint(1, 8))
        elif at < len(out):
            out[at] = rng.randrange(256)
    return bytes(out)


def read_or_problem(data: bytes, filename: str) -> Table | None:
    try:
        return read_table(data, filename)
    except ImportProblem:
        return None


def assert_every_row_parsed_once_in_order(table: Table, mapping: dict[int, str] | None = None) -> None:
    parsed = parse_rows(table, mapping)
    assert [(row.row, row.record) for row in parsed] == [
        (number, record) for record, (number, _) in enumerate(table.rows, start=1)
    ]
    for row in parsed:
        assert set(row.values) == set(FIELDS)
        assert row.ok == (bool(row.values["name_latin"]) or bool(row.values["name_khmer"]))


@settings(CHECKS, max_examples=300)
@given(
    st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe", b"\xef\xbb\xbf"]),
    st.binary(max_size=2000),
    st.sampled_from(["list.csv", "list.xlsx", "list"]),
)
def test_random_bytes_give_a_table_or_an_import_problem(start, data, filename):
    table = read_or_problem(start + data, filename)
    if table is not None:
        assert_every_row_parsed_once_in_order(table)


@settings(CHECKS, max_examples=150)
@given(st.integers(0, 2**32), st.integers(1, 30))
def test_a_damaged_csv_sample_gives_a_table_or_an_import_problem(seed, edits):
    table = read_or_problem(mutate(SAMPLE_CSV, seed, edits), "invitees.csv")
    if table is not None:
        assert all(any(cell.strip() for cell in cells) for _, cells in table.rows)
        assert_every_row_parsed_once_in_order(table)


@settings(CHECKS, max_examples=60)
@given(st.integers(0, 2**32), st.sampled_from(XLSX_PARTS), st.integers(1, 10))
def test_an_xlsx_sample_with_a_damaged_part_gives_a_table_or_an_import_problem(seed, damaged, edits):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SAMPLE_XLSX)) as source, zipfile.ZipFile(out, "w") as archive:
        for part in source.infolist():
            content = source.read(part)
            archive.writestr(part, mutate(content, seed, edits) if part.filename == damaged else content)
    table = read_or_problem(out.getvalue(), "invitees.xlsx")
    if table is not None:
        assert_every_row_parsed_once_in_order(table)


@settings(CHECKS, max_examples=200)
@given(
    st.lists(st.lists(CELL_TEXT, max_size=6), max_size=15),
    st.dictionaries(st.integers(0, 7), st.sampled_from(FIELDS), max_size=8),
)
def test_any_table_and_mapping_keep_every_row(rows, mapping):
    table = Table(1, ["h"] * 6, {}, [(number, cells) for number, cells in enumerate(rows, start=2)])
    assert_every_row_parsed_once_in_order(table, mapping)


@settings(CHECKS, max_examples=300)
@given(st.text(st.sampled_from("0123456789០១២៣៤៥៦៧៨៩ +-().a/"), max_size=20) | st.text(max_size=20))
def test_a_phone_is_e164_and_normalising_it_again_changes_nothing(text):
    phone = normalise_phone(text)
    if phone is not None:
        assert phone.startswith("+") and phone[1:].isdigit() and 8 <= len(phone) - 1 <= 15
        assert normalise_phone(phone) == phone
        assert identity_keys({"phone": latin_to_khmer_digits(text)}) == {f"phone:{phone}"}


def latin_to_khmer_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
