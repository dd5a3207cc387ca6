"""What a file is, read from its bytes: its name and the browser's content type are only claims.

Uploads that others will open (slides, documents for a session) are accepted for what their
content proves: PDF, Word, PowerPoint and Excel (Office Open XML, or the old binary formats in
an OLE2 compound file), OpenDocument, PNG, JPEG and UTF-8 text. A program, a web page, a plain
zip or an office file carrying macros is refused, whatever it is called. Only the bytes that
decide are read: the head, a zip's directory and one small part, an OLE2 file's directory.
"""

import codecs
import re
import struct
import zipfile
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree import ElementTree

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    content_type: str
    extensions: tuple[str, ...]  # the first is the usual one
    label: Promise
    inline: bool = False  # a browser shows it safely in the page (PDF, images)


class Refused(Exception):
    """The content is not an accepted type; `reason` is "empty", "unknown", "macros" or "unreadable"."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _ooxml(kind: str) -> str:
    return f"application/vnd.openxmlformats-officedocument.{kind}"


def _odf(kind: str) -> str:
    return f"application/vnd.oasis.opendocument.{kind}"


PDF = FileType("application/pdf", ("pdf",), _("PDF document"), inline=True)
DOCX = FileType(_ooxml("wordprocessingml.document"), ("docx",), _("Word document"))
PPTX = FileType(_ooxml("presentationml.presentation"), ("pptx",), _("PowerPoint presentation"))
XLSX = FileType(_ooxml("spreadsheetml.sheet"), ("xlsx",), _("Excel workbook"))
DOC = FileType("application/msword", ("doc",), _("Word document"))
PPT = FileType("application/vnd.ms-powerpoint", ("ppt",), _("PowerPoint presentation"))
XLS = FileType("application/vnd.ms-excel", ("xls",), _("Excel workbook"))
ODT = FileType(_odf("text"), ("odt",), _("OpenDocument text"))
ODP = FileType(_odf("presentation"), ("odp",), _("OpenDocument presentation"))
ODS = FileType(_odf("spreadsheet"), ("ods",), _("OpenDocument spreadsheet"))
PNG = FileType("image/png", ("png",), _("PNG image"), inline=True)
JPEG = FileType("image/jpeg", ("jpg", "jpeg"), _("JPEG image"), inline=True)
TEXT = FileType("text/plain; charset=utf-8", ("txt",), _("Text file"))

ALL = (PDF, DOCX, PPTX, XLSX, DOC, PPT, XLS, ODT, ODP, ODS, PNG, JPEG, TEXT)
BY_CONTENT_TYPE = {t.content_type: t for t in ALL}
EXTENSIONS = tuple(dict.fromkeys(e for t in ALL for e in t.extensions))

# The content type of the main part named in an OOXML package's [Content_Types].xml.
OOXML_MAIN = {
    _ooxml("wordprocessingml.document.main+xml"): DOCX,
    _ooxml("presentationml.presentation.main+xml"): PPTX,
    _ooxml("spreadsheetml.sheet.main+xml"): XLSX,
}
ODF_MIMETYPES = {t.content_type: t for t in (ODT, ODP, ODS)}
# The stream an OLE2 compound file holds for each old Office format, and where macros live.
OLE_MAIN = {"WordDocument": DOC, "PowerPoint Document": PPT, "Workbook": XLS, "Book": XLS}
OLE_MACROS = {"Macros", "_VBA_PROJECT_CUR", "VBA"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PART_MAX_BYTES = 1024 * 1024  # [Content_Types].xml and mimetype are tiny: a bigger one is a bomb
# A text file that is really a web page or an image in disguise (what browsers sniff as markup).
MARKUP = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype|html|head|body|script|iframe|svg|\?xml)", re.I)
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def detect(file: BinaryIO) -> FileType:
    """The type the content proves, or `Refused`. The file must be seekable; it is left at 0."""
    try:
        file.seek(0)
        head = file.read(512)
        if not head:
            raise Refused("empty")
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(ZIP_MAGIC):
            return _zip_type(file)
        if head.startswith(OLE_MAGIC):
            return _ole_type(_ole_names(file))
        if not MARKUP.match(head) and _is_text(file):
            return TEXT
        raise Refused("unknown")
    finally:
        file.seek(0)


def _zip_type(file: BinaryIO) -> FileType:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:  # OpenDocument
                if any(n.startswith(("Basic/", "Scripts/")) for n in names):
                    raise Refused("macros")
                found = ODF_MIMETYPES.get(_part(archive, "mimetype").decode("ascii", "replace").strip())
            elif "[Content_Types].xml" in names:  # Office Open XML
                if any(n.lower().endswith("vbaproject.bin") for n in names):
                    raise Refused("macros")
                found = _ooxml_main(ElementTree.fromstring(_part(archive, "[Content_Types].xml")), names)
            else:
                found = None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ElementTree.ParseError, EOFError, RuntimeError) as e:
        raise Refused("unreadable") from e
    if found is None:  # a zip, but not an office document
        raise Refused("unknown")
    return found


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > PART_MAX_BYTES:
        raise Refused("unreadable")
    return archive.read(name)


def _ooxml_main(types: ElementTree.Element, names: set[str]) -> FileType | None:
    """The type whose main part [Content_Types].xml names, if that part is in the package."""
    for override in types:
        found = OOXML_MAIN.get(override.get("ContentType", ""))
        if found and override.get("PartName", "").lstrip("/") in names:
            return found
    return None


def _ole_type(names: set[str]) -> FileType:
    if names & OLE_MACROS:
        raise Refused("macros")
    found = next((OLE_MAIN[name] for name in OLE_MAIN if name in names), None)
    if found is None:  # an installer, an e-mail, an encrypted document...
        raise Refused("unknown")
    return found


def _ole_names(file: BinaryIO) -> set[str]:
    """The names of the storages and streams in an OLE2 compound file's directory.

    The directory is a chain of sectors linked through the file allocation table, whose own
    sectors are listed in the header (and, in big files, in further DIFAT sectors).
    """
    end_of_chain, entry_size = 0xFFFFFFFE, 128
    file.seek(0, 2)
    file_size = file.tell()
    header = _read(file, 0, 512)
    shift = struct.unpack_from("<H", header, 30)[0]
    if shift not in (9, 12):
        raise Refused("unreadable")
    size = 1 << shift
    sectors = max(file_size // size - 1, 0)
    fat_count, first_dir = struct.unpack_from("<2I", header, 44)
    difat_next, difat_count = struct.unpack_from("<2I", header, 68)
    if fat_count > sectors or difat_count > sectors:
        raise Refused("unreadable")
    fat_sectors = list(struct.unpack_from("<109I", header, 76))
    for _sector in range(difat_count):
        block = struct.unpack(f"<{size // 4}I", _read(file, (difat_next + 1) * size, size))
        fat_sectors += block[:-1]
        difat_next = block[-1]
    fat = b"".join(_read(file, (s + 1) * size, size) for s in fat_sectors[:fat_count])
    names, sector, seen = set(), first_dir, set()
    while sector != end_of_chain:
        if sector in seen or 4 * sector + 4 > len(fat):
            raise Refused("unreadable")
        seen.add(sector)
        block = _read(file, (sector + 1) * size, size)
        for offset in range(0, size, entry_size):
            length, kind = struct.unpack_from("<HB", block, offset + 64)
            if kind in (1, 2) and 2 <= length <= 64:  # a storage or a stream
                names.add(block[offset : offset + length - 2].decode("utf-16-le", "replace"))
        sector = struct.unpack_from("<I", fat, 4 * sector)[0]
    return names


def _read(file: BinaryIO, offset: int, size: int) -> bytes:
    file.seek(offset)
    data = file.read(size)
    if len(data) < size:
        raise Refused("unreadable")
    return data


def _is_text(file: BinaryIO, chunk: int = 64 * 1024) -> bool:
    """UTF-8 throughout, without control characters other than tab, line and page breaks."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while block := file.read(chunk):
            if TEXT_CONTROL.search(decoder.decode(block)):
                return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
