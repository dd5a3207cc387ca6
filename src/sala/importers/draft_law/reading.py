"""Bytes of an uploaded draft (txt, md, docx, pdf) to its text, or an ImportProblem.

Uploads come from anyone with an organiser's link, so a malformed or hostile file must end
as a problem code, never as an exception from a library or a blown-up server.
"""

import io
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
from docx.table import Table

from sala.importers.problems import ImportProblem

_MB = 1024 * 1024
MAX_BYTES = 20 * _MB  # the largest upload; a draft law is well under 1 MB of text
MAX_UNPACKED_BYTES = 100 * _MB  # a .docx's parts together, as its zip directory declares them
MAX_ZIP_ENTRIES = 2000
MAX_PDF_PAGES = 1000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or a password-protected .docx
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream Office encrypts into
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\ufeff"))  # never stored (STACK-NOTES: Khmer)


def read_document(data: bytes, filename: str) -> str:
    """The document's text with "\\n" line ends, NFC, and no zero-width spaces.

    Every problem carries the file's `name`, as the other importers' problems do.
    """
    try:
        return _read(data, filename)
    except ImportProblem as problem:
        raise ImportProblem(problem.code, name=filename, **problem.params) from problem.__cause__


def _read(data: bytes, filename: str) -> str:
    if not data:
        raise ImportProblem("document.empty")
    if len(data) > MAX_BYTES:
        raise ImportProblem("document.too_large", max_mb=MAX_BYTES // _MB)
    reader = _READERS.get(Path(filename).suffix.lower())
    if reader is None:
        raise ImportProblem("document.unsupported_type")
    try:
        text = reader(data)
    except ImportProblem:
        raise
    except Exception as error:  # broken files fail inside the libraries in many ways, all "unreadable"
        raise ImportProblem("document.unreadable") from error
    text = "\n".join(unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).splitlines())
    if not text.strip():
        raise ImportProblem("document.no_text")
    return text


def _read_plain(data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with its BOM; anything else is not text."""
    text = data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig")
    if "\x00" in text:
        raise ImportProblem("document.unreadable")
    return text


def _read_docx(data: bytes) -> str:
    """Paragraphs (and table rows) of the body in order; the zip is checked before it is opened."""
    if data.startswith(_OLE_MAGIC):
        encrypted = _ENCRYPTED_PACKAGE in data
        raise ImportProblem("document.encrypted" if encrypted else "document.unsupported_type")
    _check_zip(data)
    lines = []
    for block in docx.Document(io.BytesIO(data)).iter_inner_content():
        if isinstance(block, Table):
            lines += [" | ".join(_unique_cell_texts(row.cells)) for row in block.rows]
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _unique_cell_texts(cells: list) -> list[str]:
    """python-docx repeats a merged cell once per grid column; keep it once."""
    seen: list = []
    for cell in cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return [cell.text for cell in seen]


def _check_zip(data: bytes) -> None:
    """Refuse a zip bomb by the sizes its directory declares (reading never goes past them)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ImportProblem("document.too_large", max_mb=MAX_UNPACKED_BYTES // _MB)


def _read_pdf(data: bytes) -> str:
    """The text layer, page after page; a scanned PDF has none and ends as document.no_text."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not _opens_without_password(reader):
        raise ImportProblem("document.encrypted")
    if len(reader.pages) > MAX_PDF_PAGES:
        raise ImportProblem("document.too_many_pages", pages=len(reader.pages), max_pages=MAX_PDF_PAGES)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _opens_without_password(reader: pypdf.PdfReader) -> bool:
    """Many PDFs are encrypted only against editing, with an empty password to open them."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher or a missing crypto library: we cannot open it
        return False


_READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": _read_plain,
    ".md": _read_plain,
    ".markdown": _read_plain,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}
