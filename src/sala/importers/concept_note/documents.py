"""Bytes of an uploaded concept note (txt, md, docx, pdf) to numbered lines, or an ImportProblem.

The format is recognised by its content (a ".docx" that is no zip is refused, a PDF named
".txt" is still read as a PDF). An upload is untrusted: sizes are checked before anything is
unpacked, and any failure inside python-docx or pypdf ends as a problem code.
"""

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import PurePath

import docx
import pypdf
from docx.table import Table, _Cell

from ..problems import ImportProblem
from .model import Line
from .text import is_bare_marker

_MB = 1024 * 1024
MAX_BYTES = 10 * _MB  # the largest upload; a concept note is a few hundred KB at most
MAX_PAGES = 50  # PDF pages read; a concept note has 2-6
MAX_UNPACKED_BYTES = 20 * _MB  # a .docx's parts together, as its zip directory declares them
MAX_RATIO = 200  # a part unpacking to more than this many times its packed size is a bomb
MAX_ZIP_ENTRIES = 2000
MAX_LINES = 10_000  # more text than any concept note: refused ("too large") rather than read slowly
MAX_LINE_CHARS = 10_000  # a longer "line" is binary noise; it is cut
MAX_CELLS = 20  # cells of a row kept; an agenda table has three to six columns

_PDF = b"%PDF-"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or a password-protected .docx
_RTF = b"{\\rtf"
_BINARY_EXTENSIONS = {".pdf", ".docx"}  # these must carry their format's signature
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\ufeff\u200c\u00ad"))  # never stored (STACK-NOTES: Khmer)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.02  # more control characters than this and the bytes are not text

# Every pattern here runs on each line of an upload: no two quantifiers may share the same characters.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s++(.*)$")  # "## Agenda" (closing #s are stripped after)
_MD_RULE = re.compile(r"^\s*+(?:\|\s*+)?:?-{3,}:?\s*+(?:\|\s*+:?-{3,}:?\s*+)*(?:\|\s*+)?$")  # "|---|:--:|"
_MD_EMPHASIS = re.compile(r"\*\*|__|`")  # "**Date:**" reads as "Date:"
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^()\n]{0,500}\)")  # "[text](url)" reads as "text"


def read_lines(data: bytes, filename: str) -> list[Line]:
    """The document's lines, numbered from 1; table rows keep their cells."""
    if not data.strip():
        raise ImportProblem("document.empty", name=filename)
    if len(data) > MAX_BYTES:
        raise ImportProblem("document.too_large", name=filename, max_mb=MAX_BYTES // _MB)
    extension = PurePath(filename or "").suffix.lower()
    if _PDF in data[:1024]:
        lines = _guarded(_pdf_lines, data, filename)
    elif data.startswith(_ZIP):
        lines = _guarded(_docx_lines, data, filename)
    elif data.startswith(_OLE):
        code = (
            "document.encrypted"
            if "EncryptedPackage".encode("utf-16-le") in data
            else "document.unsupported_type"
        )
        raise ImportProblem(code, name=filename)
    elif extension in _BINARY_EXTENSIONS:
        raise ImportProblem("document.unreadable", name=filename)
    else:
        lines = text_lines(_decode(data, filename))
    if len(lines) > MAX_LINES:
        raise ImportProblem("document.too_large", name=filename, max_mb=MAX_BYTES // _MB)
    if all(line.blank for line in lines):
        raise ImportProblem("document.no_text", name=filename)
    return lines


def _guarded(reader, data: bytes, filename: str) -> list[Line]:
    """Run a library-backed reader; whatever a broken file makes it raise is "unreadable"."""
    try:
        return reader(data, filename)
    except ImportProblem:
        raise
    except Exception as error:  # malformed files fail inside the libraries in many ways
        raise ImportProblem("document.unreadable", name=filename) from error


def _decode(data: bytes, filename: str) -> str:
    """UTF-8 or UTF-16 with a BOM, else UTF-8, else Windows-1252; binary noise is refused."""
    if data.startswith(_RTF):
        raise ImportProblem("document.unsupported_type", name=filename)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportProblem("document.unsupported_type", name=filename) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise ImportProblem("document.unsupported_type", name=filename)
    return text


def _tidy(text: str) -> str:
    """NFC, without zero-width characters (Khmer text is full of them)."""
    return unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)


def text_lines(text: str) -> list[Line]:
    """Plain text or Markdown: '#' lines are headings, and '|' or tab separated lines are table rows."""
    lines = []
    for number, raw in enumerate(_tidy(text).splitlines()[: MAX_LINES + 1], 1):
        plain = _MD_LINK.sub(r"\1", _MD_EMPHASIS.sub("", raw[:MAX_LINE_CHARS].rstrip()))
        lines.append(_text_line(number, plain))
    return lines


def _text_line(number: int, raw: str) -> Line:
    heading = _MD_HEADING.match(raw)
    if heading:
        return Line(number, heading.group(1).rstrip(" \t#"), heading=True)
    if (_MD_RULE.match(raw) and "-" in raw) or is_bare_marker(raw):
        return Line(number, "")
    cells = split_cells(raw)
    text = " | ".join(cells) if cells else raw.strip()
    return Line(number, text, cells=cells)


def split_cells(raw: str) -> tuple[str, ...]:
    """The cells of a row written with '|' (Markdown, plain-text tables) or tabs; () for prose.

    A Markdown row's outer pipes are dropped; an indented row keeps its empty first cell, which
    is the time column of a continuation row ("      |  - sub-item  |").
    """
    if "\t" in raw.strip():
        cells = raw.strip().split("\t")
    elif "|" in raw:
        cells = raw.split("|")
        if raw.startswith("|"):
            cells = cells[1:]
        if raw.rstrip().endswith("|") and len(cells) > 1:
            cells = cells[:-1]
    else:
        return ()
    return tuple(cell.strip() for cell in cells[:MAX_CELLS])


def _docx_lines(data: bytes, filename: str) -> list[Line]:
    """Paragraphs and table rows of the body, in document order."""
    _check_zip(data, filename)
    document = docx.Document(io.BytesIO(data))
    lines: list[Line] = []
    for block in document.iter_inner_content():
        for text, cells, heading, listed in _docx_block(block):
            lines.append(Line(len(lines) + 1, text, cells=cells, heading=heading, listed=listed, wraps=False))
            if len(lines) > MAX_LINES:
                return lines
    return lines


def _docx_block(block) -> Iterator[tuple[str, tuple[str, ...], bool, bool]]:
    """A paragraph gives a line per soft line break (tabs make cells); a table gives a line per row."""
    if isinstance(block, Table):
        for tr in block._tbl.tr_lst:
            # A vertically merged cell is read once, in its first row; gridSpan cells appear once.
            cells = tuple(
                "" if tc.vMerge == "continue" else _tidy(_Cell(tc, block).text)[:MAX_LINE_CHARS]
                for tc in tr.tc_lst[:MAX_CELLS]
            )
            yield " | ".join(" ".join(cell.split()) for cell in cells), cells, False, False
        return
    style = (block.style.name if block.style is not None else "") or ""
    heading = style.startswith(("Heading", "Title"))
    listed = style.startswith("List") or (block._p.pPr is not None and block._p.pPr.numPr is not None)
    for part in _tidy(block.text).split("\n"):
        part = part[:MAX_LINE_CHARS]
        cells = split_cells(part) if "\t" in part.strip() else ()
        yield (" | ".join(cells) if cells else part.strip()), cells, heading, listed


def _check_zip(data: bytes, filename: str) -> None:
    """Refuse a zip bomb by the sizes its directory declares (reading never goes past them)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise ImportProblem("document.unsupported_type", name=filename)
    too_packed = any(
        entry.file_size > _MB and entry.file_size > MAX_RATIO * entry.compress_size for entry in entries
    )
    if len(entries) > MAX_ZIP_ENTRIES or too_packed or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ImportProblem("document.too_large", name=filename, max_mb=MAX_UNPACKED_BYTES // _MB)


def _pdf_lines(data: bytes, filename: str) -> list[Line]:
    """The text layer, page after page; a scanned PDF has none and ends as document.no_text."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not _opens_without_password(reader):
        raise ImportProblem("document.encrypted", name=filename)
    pages = len(reader.pages)
    if pages > MAX_PAGES:
        raise ImportProblem("document.too_many_pages", name=filename, pages=pages, max_pages=MAX_PAGES)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if not text.strip():
        raise ImportProblem("document.no_text", name=filename)
    return text_lines(text)


def _opens_without_password(reader: pypdf.PdfReader) -> bool:
    """Many PDFs are encrypted only against editing, with an empty password to open them."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher or a missing crypto library: we cannot open it
        return False
