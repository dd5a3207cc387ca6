"""Real files of each kind a material may be, and files that must be refused, made in memory.

PDF (WeasyPrint), Word (python-docx), Excel (openpyxl), PNG and JPEG (Pillow) come from the
tools that write them for real. No PowerPoint writer is installed: the .pptx is the smallest
package PowerPoint's own [Content_Types].xml describes. The OLE2 compound file (old .doc,
.ppt, .xls) is written here too, with its header, allocation table and directory.
"""

import io
import struct
import zipfile
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook
from PIL import Image

from sala.core.pdf import render_pdf

OOXML = "application/vnd.openxmlformats-officedocument"


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    """An upload as a browser sends it: the name and type it claims, which prove nothing."""
    return SimpleUploadedFile(name, data, content_type=content_type)


@cache
def pdf() -> bytes:
    return render_pdf("<h1>Key findings</h1><p>ចំណុចសំខាន់ៗ</p>")


def docx() -> bytes:
    document = Document()
    document.add_paragraph("Background note")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Participants"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def zipped(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def content_types(main_part: str, main_type: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>'
    )


def pptx() -> bytes:
    main = f"{OOXML}.presentationml.presentation.main+xml"
    return zipped(
        {"[Content_Types].xml": content_types("ppt/presentation.xml", main), "ppt/presentation.xml": "<p/>"}
    )


def docm() -> bytes:
    """A Word document with macros (what .docm files are)."""
    main = "application/vnd.ms-word.document.macroEnabled.main+xml"
    return zipped(
        {
            "[Content_Types].xml": content_types("word/document.xml", main),
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0",
        }
    )


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:  # the mimetype first and stored, as OpenDocument requires
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


def image(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, kind)
    return out.getvalue()


def ole(*names: str) -> bytes:
    """An OLE2 compound file (512-byte sectors) whose directory holds these empty streams."""
    free, end, fat_sector, none = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<5H", header, 24, 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, sector sizes
    struct.pack_into("<2I", header, 44, 1, 1)  # one FAT sector; the directory starts at sector 1
    struct.pack_into("<5I", header, 56, 4096, end, 0, end, 0)  # no mini FAT, no DIFAT sector
    struct.pack_into("<109I", header, 76, 0, *[free] * 108)  # the FAT is sector 0
    fat = struct.pack("<128I", fat_sector, end, *[free] * 126)

    def entry(name: str, kind: int, right: int = none, child: int = none) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        data = bytearray(128)
        data[: len(raw)] = raw
        struct.pack_into("<HBB3I", data, 64, len(raw), kind, 1, none, right, child)
        struct.pack_into("<IQ", data, 116, end, 0)
        return bytes(data)

    entries = [entry("Root Entry", 5, child=1 if names else none)]
    entries += [entry(n, 2, right=i + 2 if i + 1 < len(names) else none) for i, n in enumerate(names)]
    return bytes(header) + fat + b"".join(entries).ljust(512, b"\0")


def exe() -> bytes:
    """The head of a Windows program: "MZ", then the DOS stub."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program"
