"""Bytes to a table of cell texts: CSV in the encodings Excel and LibreOffice write, or XLSX.

Whatever the bytes, the result is a Table or an ImportProblem: an upload is untrusted, so
sizes are checked before anything is unpacked or parsed.
"""

import csv
import io
import itertools
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

import openpyxl

from ..problems import ImportProblem
from .headers import HEADER_SEARCH_ROWS, detect_mapping, is_header
from .text import clean

_MB = 1024 * 1024
MAX_BYTES = 5 * _MB
MAX_ROWS = 5000
MAX_COLUMNS = 100  # cells further right are ignored: a participant list has about ten columns
MAX_UNPACKED_BYTES = 50 * _MB  # all parts of an XLSX together, once unzipped

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and password-protected new ones
_OTHER_FORMATS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DELIMITERS = (",", ";", "\t")

Row = tuple[int, list[str]]


@dataclass
class Table:
    header_row: int  # 1-based row number of the header in the sheet or file
    headers: list[str]  # header cell texts as written (trimmed)
    mapping: dict[int, str]  # column index -> field in FIELDS; columns not understood are absent
    rows: list[Row]  # (sheet row number, cell texts) for every non-empty row after the header


def read_table(data: bytes, filename: str) -> Table:
    """The participant table in a CSV or XLSX file, recognised by its content, not its name."""
    if not data.strip():
        raise ImportProblem("document.empty", name=filename)
    if len(data) > MAX_BYTES:
        raise ImportProblem("document.too_large", name=filename, max_mb=MAX_BYTES // _MB)
    if data.startswith(_OLE2):
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
        raise ImportProblem("document.encrypted" if encrypted else "people.old_excel", name=filename)
    if data.startswith(_OTHER_FORMATS):
        raise ImportProblem("document.unsupported_type", name=filename)
    if data.startswith(_ZIP):
        return _read_xlsx(data, filename)
    return _read_csv(data, filename)


def _table(rows: Iterable[Row]) -> Table | None:
    """The table whose header is among the first non-empty rows, or None if there is no header."""
    filled = ((number, cells[:MAX_COLUMNS]) for number, cells in rows if any(cell.strip() for cell in cells))
    first = list(itertools.islice(filled, HEADER_SEARCH_ROWS))
    header_at = next((i for i, (_, cells) in enumerate(first) if is_header(cells)), None)
    if header_at is None:
        return None
    header_row, headers = first[header_at]
    data = first[header_at + 1 :]
    for row in filled:
        if len(data) == MAX_ROWS:
            raise ImportProblem("people.too_many_rows", max=MAX_ROWS)
        data.append(row)
    width = max(_used_width(cells) for cells in [headers, *(cells for _, cells in data)])
    headers = [clean(cell) for cell in _fitted(headers, width)]
    data = [(number, _fitted(cells, width)) for number, cells in data]
    return Table(header_row, headers, detect_mapping(headers, [cells for _, cells in data]), data)


def _used_width(cells: list[str]) -> int:
    return next((i + 1 for i in range(len(cells) - 1, -1, -1) if cells[i].strip()), 0)


def _fitted(cells: list[str], width: int) -> list[str]:
    """Every row as wide as the table, so a column index is valid in any row."""
    return [*cells[:width], *[""] * (width - len(cells))]


# --- CSV ----------------------------------------------------------------------------------------


def _read_csv(data: bytes, filename: str) -> Table:
    text = _decode(data, filename)
    delimiter = max(_DELIMITERS, key=lambda d: _delimiter_score(text, d))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = _table(enumerate(reader, start=1))
    except csv.Error as error:  # a field over csv's size limit, a stray NUL
        raise ImportProblem("document.unreadable", name=filename) from error
    if table is None:
        raise ImportProblem("people.no_header", name=filename)
    return table


def _decode(data: bytes, filename: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows' Western encoding; last, UTF-8
    with its few bad bytes replaced, so one damaged character does not lose a Khmer list."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        attempts = [("utf-16", "strict")]
    else:
        attempts = [("utf-8-sig", "strict"), ("cp1252", "strict"), ("utf-8-sig", "replace")]
    for encoding, errors in attempts:
        try:
            text = data.decode(encoding, errors)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text
    raise ImportProblem("document.unreadable", name=filename)


def _looks_binary(text: str) -> bool:
    """NUL, or more than 1% control or replacement characters: not a text a person wrote."""
    sample = text[:65536]
    odd = sum(ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\r\n") for ch in sample)
    return "\x00" in text or odd * 100 > len(sample)


def _delimiter_score(text: str, delimiter: str) -> tuple[int, int]:
    """How well a delimiter splits the first lines: rows with several cells, then cells in all."""
    sample = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter)
    try:
        widths = [len(cells) for cells in itertools.islice(sample, 20)]
    except csv.Error:
        return (0, 0)
    return sum(width > 1 for width in widths), sum(widths)


# --- XLSX ---------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, filename: str) -> Table:
    """The first visible sheet that has a header: a workbook may start with a sheet of notes."""
    _check_archive(data, filename)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file; all mean the same here
        raise ImportProblem("document.unreadable", name=filename) from error
    try:
        for sheet in workbook.worksheets:
            if sheet.sheet_state == "visible":
                table = _table(_sheet_rows(sheet, filename))
                if table is not None:
                    return table
    finally:
        workbook.close()
    raise ImportProblem("people.no_header", name=filename)


def _check_archive(data: bytes, filename: str) -> None:
    """An XLSX is a zip: refuse a zip bomb from the sizes its central directory declares
    (zipfile never unpacks more than those), and a zip that is not a workbook (DOCX, ODS)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except Exception as error:  # zipfile raises several kinds on a damaged archive
        raise ImportProblem("document.unreadable", name=filename) from error
    if "xl/workbook.xml" not in {part.filename for part in parts}:
        raise ImportProblem("document.unsupported_type", name=filename)
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise ImportProblem("document.too_large", name=filename, max_mb=MAX_UNPACKED_BYTES // _MB)


def _sheet_rows(sheet, filename: str) -> Iterator[Row]:
    sheet.reset_dimensions()  # some writers record a wrong size, which would cut rows off
    try:
        for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
            yield number, [_cell_text(value) for value in values]
    except Exception as error:  # a damaged sheet shows only once it is read
        raise ImportProblem("document.unreadable", name=filename) from error


def _cell_text(value: object) -> str:
    """A cell as the text a person sees; whole numbers without ".0", dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
