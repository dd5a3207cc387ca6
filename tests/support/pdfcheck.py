"""Checks a generated PDF for what a reader would see as broken.

`check_pdf(pdf)` returns a list of problems (empty when the PDF looks right):

- a .notdef glyph (glyph id 0, the empty box) shown on a page: a character no font has;
- a dotted circle (U+25CC): HarfBuzz adds one to a Khmer cluster it cannot shape, such as a
  coeng or a vowel sign with no consonant before it;
- a dangling coeng (U+17D2 with no consonant after it, as text cut at a character count
  leaves): no dotted circle then, Noto Sans Khmer draws a small "+" under the letter;
- U+FFFD or U+25CC in the extracted text;
- ink near the right or bottom page edge: content that overflows the page margins;
- a blank page.

How WeasyPrint writes text (checked on WeasyPrint 70): every font is a Type0 font with a
CIDFontType2 descendant, CIDToGIDMap /Identity and 2-byte codes. When the font lacks some
characters, the encoding is not /Identity-H but an embedded CMap (/WP-Encod-0) that maps a
spare code per missing character to CID 0: so a .notdef is never written as <0000>, and the
code must go through the font's encoding CMap. A dotted circle is shown through the glyph of
U+25CC in the embedded subset, while the ToUnicode CMap maps that glyph to "" (the extracted
text has no U+25CC), so it is found through the embedded font's own cmap table.

Text checks run on every page; the rendered-image checks run on `pages` (1-based; None for
all), since rendering costs about 0.1 s a page. Needs `pdftoppm` (poppler-utils).
"""

import io
import re
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image  # a WeasyPrint dependency, so always there when PDFs are made
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

DOTTED_CIRCLE = 0x25CC
REPLACEMENT = 0xFFFD
COENG = 0x17D2
INK = 200  # grey level (0-255) below which a pixel counts as ink, above antialiasing haze
DPI = 60

CIDCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*(\d+)")
CIDRANGE = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\d+)")
SECTION = re.compile(rb"begincid(char|range)(.*?)endcid(?:char|range)", re.S)


@dataclass
class Font:
    """What the checker needs from a PDF font: how codes become glyph ids."""

    name: str
    code_bytes: int = 2
    cids: dict[int, int] | None = None  # code -> CID from an embedded CMap; None: identity
    gids: bytes | None = None  # a CIDToGIDMap stream; None: identity
    dotted_circle: int | None = None  # glyph id of U+25CC in the embedded font
    coeng: int | None = None  # glyph id of a bare U+17D2 (not merged into a subscript)
    checkable: bool = True

    def glyph_ids(self, data: bytes) -> Iterator[int]:
        step = self.code_bytes
        for i in range(0, len(data) - step + 1, step):
            code = int.from_bytes(data[i : i + step], "big")
            cid = code if self.cids is None else self.cids.get(code, 0)
            if self.gids is None:
                yield cid
            else:
                yield int.from_bytes(self.gids[2 * cid : 2 * cid + 2], "big")


def check_pdf(pdf_bytes: bytes, *, pages: Iterable[int] | None = (1,), edge_mm: float = 4.0) -> list[str]:
    """Problems a reader would see in the PDF; an empty list means none were found."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    problems: list[str] = []
    for number, page in enumerate(reader.pages, 1):
        problems += glyph_problems(page, number)
        text = page.extract_text() or ""
        for char, what in ((DOTTED_CIRCLE, "a dotted circle"), (REPLACEMENT, "U+FFFD")):
            if chr(char) in text:
                problems.append(f"page {number}: the extracted text has {what}")
    count = len(reader.pages)
    for number in range(1, count + 1) if pages is None else pages:
        if not 1 <= number <= count:
            problems.append(f"page {number}: missing, the PDF has {count} page(s)")
            continue
        problems += image_problems(render_page(pdf_bytes, number), number, edge_mm)
    return problems


def glyph_problems(page, number: int) -> list[str]:
    notdef: dict[str, int] = {}
    dotted: dict[str, int] = {}
    coeng: dict[str, int] = {}
    for font, gid in shown_glyphs(page):
        if gid == 0:
            notdef[font.name] = notdef.get(font.name, 0) + 1
        elif gid == font.dotted_circle:
            dotted[font.name] = dotted.get(font.name, 0) + 1
        elif gid == font.coeng:
            coeng[font.name] = coeng.get(font.name, 0) + 1
    return (
        [f"page {number}: {n} missing glyph(s) (.notdef) in {name}" for name, n in notdef.items()]
        + [f"page {number}: {n} dotted circle(s) (unshaped cluster) in {name}" for name, n in dotted.items()]
        + [
            f"page {number}: {n} dangling coeng(s) (no subscript after U+17D2) in {name}"
            for name, n in coeng.items()
        ]
    )


def shown_glyphs(page) -> Iterator[tuple[Font, int]]:
    """Every glyph id the page shows, with its font, through nested form XObjects."""
    contents = page.get_contents()
    if contents is not None:
        yield from _walk(contents, page.get("/Resources"), page.pdf, {})


def _walk(stream, resources, reader, cache: dict) -> Iterator[tuple[Font, int]]:
    resources = resources.get_object() if resources is not None else DictionaryObject()
    fonts = resources.get("/Font", DictionaryObject()).get_object()
    xobjects = resources.get("/XObject", DictionaryObject()).get_object()
    content = stream if isinstance(stream, ContentStream) else ContentStream(stream, reader)
    font, saved = None, []
    for operands, operator in content.operations:
        if operator == b"q":
            saved.append(font)
        elif operator == b"Q" and saved:
            font = saved.pop()
        elif operator == b"Tf":
            key = (id(fonts), operands[0])
            if key not in cache:
                cache[key] = read_font(fonts[operands[0]].get_object(), str(operands[0]))
            font = cache[key]
        elif operator in (b"Tj", b"'", b'"', b"TJ") and font is not None and font.checkable:
            strings = operands[0] if operator == b"TJ" else operands[-1:]
            for string in strings:
                if hasattr(string, "original_bytes"):
                    for gid in font.glyph_ids(string.original_bytes):
                        yield font, gid
        elif operator == b"Do":
            xobject = xobjects[operands[0]].get_object()
            if xobject.get("/Subtype") == "/Form":
                yield from _walk(xobject, xobject.get("/Resources", resources), reader, cache)


def read_font(font: DictionaryObject, resource_name: str) -> Font:
    """Code -> glyph id for a Type0 font; other fonts (Type3 bitmaps) are not checked."""
    name = str(font.get("/BaseFont", resource_name)).lstrip("/")
    if font.get("/Subtype") != "/Type0":
        return Font(name, checkable=False)
    result = Font(name)
    encoding = font["/Encoding"].get_object()
    if encoding != "/Identity-H":
        if not hasattr(encoding, "get_data"):
            return Font(name, checkable=False)  # a predefined CJK CMap: not written by us
        result.cids, result.code_bytes = parse_cmap(encoding.get_data())
    descendant = font["/DescendantFonts"][0].get_object()
    to_gid = descendant.get("/CIDToGIDMap", "/Identity")
    if to_gid != "/Identity":
        result.gids = to_gid.get_object().get_data()
    result.dotted_circle, result.coeng = shaping_glyphs(descendant["/FontDescriptor"].get_object())
    return result


def parse_cmap(data: bytes) -> tuple[dict[int, int], int]:
    """The code -> CID map of an embedded CMap stream, and its code length in bytes."""
    space = re.search(rb"begincodespacerange\s*<([0-9a-fA-F]+)>", data)
    code_bytes = len(space.group(1)) // 2 if space else 2
    cids: dict[int, int] = {}
    for kind, body in SECTION.findall(data):
        if kind == b"char":
            for code, cid in CIDCHAR.findall(body):
                cids[int(code, 16)] = int(cid)
        else:
            for low, high, cid in CIDRANGE.findall(body):
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    cids[code] = int(cid) + offset
    return cids, code_bytes


def shaping_glyphs(descriptor: DictionaryObject) -> tuple[int | None, int | None]:
    """Glyph ids of U+25CC and of a bare U+17D2 in the embedded font.

    The subset keeps the original glyph ids and the cmap entries of the glyphs it keeps.
    A shaped coeng is merged with its consonant into a subscript glyph, so the font's own
    coeng glyph is only shown when nothing follows it (a "+" under the letter).
    """
    for key in ("/FontFile2", "/FontFile3"):
        if key in descriptor:
            try:
                font = TTFont(io.BytesIO(descriptor[key].get_object().get_data()), lazy=True)
                cmap = font.getBestCmap()
            except Exception:  # a bare CFF program has no cmap: nothing to compare with
                return None, None
            ids = [cmap.get(c) for c in (DOTTED_CIRCLE, COENG)]
            return tuple(font.getGlyphID(name) if name else None for name in ids)
    return None, None


def render_page(pdf_bytes: bytes, number: int, dpi: int = DPI) -> Image.Image:
    """One page as a greyscale image, rendered by poppler."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf_bytes)
        target = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-png",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(source),
                str(target),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        with Image.open(f"{target}.png") as image:
            return image.convert("L")


def image_problems(image: Image.Image, number: int, edge_mm: float, dpi: int = DPI) -> list[str]:
    width, height = image.size
    strip = max(1, round(edge_mm / 25.4 * dpi))
    if image.getextrema()[0] >= INK:
        return [f"page {number}: blank"]
    problems = []
    if image.crop((width - strip, 0, width, height)).getextrema()[0] < INK:
        problems.append(f"page {number}: ink within {edge_mm} mm of the right edge (overflow)")
    if image.crop((0, height - strip, width, height)).getextrema()[0] < INK:
        problems.append(f"page {number}: ink within {edge_mm} mm of the bottom edge (overflow)")
    return problems


def save_page_images(
    pdf_bytes: bytes, directory: str | Path, *, name: str = "page", dpi: int = 80
) -> list[Path]:
    """Write every page as PNG (name-1.png, ...) for a person to look at; returns the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    source = directory / f"{name}.pdf"
    source.write_bytes(pdf_bytes)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(source), str(directory / name)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(directory.glob(f"{name}-*.png"))
