"""Editable Word files with Khmer that Word shows in a Khmer font: the joint submission, the report.

Word picks a run's font per character class: Khmer is a complex script, so it takes the
`w:cs` font, which python-docx's `font.name` does not set. Every run with Khmer gets that
font, its size and bold, a `w:hint` and the `w:bidi` language; the document defaults say the
same, and the theme's complex-script fonts (which win over `w:cs`) are removed from the styles.
"""

import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Cm, Length, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .khmer import has_khmer

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KHMER_FONT = "Khmer OS"  # the font Cambodian offices have; Word substitutes a Khmer one if missing
KHMER_LANG = "km-KH"
BODY_SIZE = Pt(11)
# The end of a run's properties in the order ECMA-376 requires (CT_RPr), from w:szCs on:
# python-docx places the elements it knows, not these two.
RPR_TAIL = (
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip


def new_document():
    """A blank A4 document (python-docx starts from US Letter) whose defaults and styles write
    Khmer in the Khmer font."""
    document = Document()
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
    set_khmer_defaults(document)
    return document


def document_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_heading(document, text: str, level: int) -> Paragraph:
    paragraph = document.add_heading(level=level)
    add_text(paragraph, text)
    return paragraph


def add_paragraphs(document, text: str, style: str | None = None) -> None:
    """One Word paragraph per paragraph of the text; single line breaks stay line breaks."""
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if block.strip():
            paragraph = document.add_paragraph(style=style)
            for number, line in enumerate(block.strip().split("\n")):
                add_text(paragraph, line, line_break=number > 0)


def add_text(paragraph: Paragraph, text: str, bold: bool = False, line_break: bool = False) -> Run:
    run = paragraph.add_run()
    if line_break:
        run.add_break()
    run.add_text(text)
    if bold:
        run.bold = True
    if has_khmer(text):
        set_khmer(run._r.get_or_add_rPr(), bold=bold, size=style_size(paragraph))
    return run


def add_table(document, headings: list[str], rows: list[list[str]]) -> Table:
    """A real Word table: a bold heading row, repeated on every page the table runs over.

    A line break in a cell's text stays a line break in the cell.
    """
    table = document.add_table(rows=1, cols=len(headings), style="Table Grid")
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, heading in zip(header.cells, headings, strict=True):
        add_text(cell.paragraphs[0], heading, bold=True)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            for number, line in enumerate(text.split("\n")):
                add_text(cell.paragraphs[0], line, line_break=number > 0)
    return table


def style_size(paragraph: Paragraph) -> Length:
    """The font size the paragraph's style (or the style it is based on) sets; else the body's.

    A paragraph without a style of its own (body text, table cells) has the body's size: looking
    up the default style scans every style, which made a long table several times slower.
    """
    if paragraph._p.style is None:
        return BODY_SIZE
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size
        style = style.base_style
    return BODY_SIZE


def set_khmer(rpr: CT_RPr, bold: bool = False, size: Length = BODY_SIZE) -> None:
    """The complex-script font, size, bold and language of a run, in the schema's order."""
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:cs"), KHMER_FONT)
    fonts.set(qn("w:hint"), "cs")
    if bold:
        rpr.get_or_add_bCs()
    child(rpr, "w:szCs").set(qn("w:val"), str(round(size.pt * 2)))
    child(rpr, "w:lang").set(qn("w:bidi"), KHMER_LANG)


def child(rpr: CT_RPr, tag: str):
    """The run property `tag` (one of RPR_TAIL), added where the schema's sequence wants it."""
    found = rpr.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        rpr.insert_element_before(found, *RPR_TAIL[RPR_TAIL.index(tag) + 1 :])
    return found


def set_khmer_defaults(document) -> None:
    """Khmer font and language as the document's defaults; theme fonts no longer override them."""
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        fonts.attrib.pop(qn("w:cstheme"), None)
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    rpr.get_or_add_rFonts().set(qn("w:cs"), KHMER_FONT)
    child(rpr, "w:lang").set(qn("w:bidi"), KHMER_LANG)
