"""The joint submission written as an editable Word file, or rendered to PDF.

Word picks a run's font per character class: Khmer is a complex script, so it takes the
`w:cs` font, which python-docx's `font.name` does not set. Every run with Khmer gets that
font, its size and bold, a `w:hint` and the `w:bidi` language; the document defaults say the
same, and the theme's complex-script fonts (which win over `w:cs`) are removed from the styles.
"""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from sala.core.khmer import digits, format_date, has_khmer
from sala.core.pdf import render_pdf
from sala.meetings.views.exports import page_footer_css

from .submission import ArticlePosition, Submission

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


def submission_pdf(submission: Submission) -> bytes:
    html = render_to_string(
        "advocacy/pdf/submission.html",
        {"submission": submission, "lang": submission.lang, "page_footer": page_footer_css(submission.lang)},
    )
    return render_pdf(html)


def submission_docx(submission: Submission) -> bytes:
    document = Document()
    set_khmer_defaults(document)
    title = document.add_paragraph(style="Title")
    add_text(title, submission.title)
    for line in (submission.law, submission.draft, date_line(submission)):
        if line:
            add_text(document.add_paragraph(), line)
    if submission.organisers:
        add_heading(document, _("Submitted by"), 2)
        for name in submission.organisers:
            add_text(document.add_paragraph(style="List Bullet"), name)
    if not submission.articles:
        add_text(document.add_paragraph(), _("No position has been written yet."))
    for article in submission.articles:
        add_article(document, article)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def date_line(submission: Submission) -> str:
    day = format_date(submission.date, weekday=False)
    if submission.published:
        return _("Published on %(date)s") % {"date": day}
    return _("Draft of %(date)s") % {"date": day}


def add_article(document, article: ArticlePosition) -> None:
    add_heading(document, article.title, 1)
    if article.text:
        add_heading(document, _("Text of the draft"), 2)
        add_paragraphs(document, article.text, style="Quote")
    if article.concerns:
        add_heading(document, _("Concerns raised"), 2)
        table = document.add_table(rows=1, cols=2, style="Table Grid")
        for cell, heading in zip(table.rows[0].cells, (_("Concern"), _("Inputs")), strict=True):
            add_text(cell.paragraphs[0], heading, bold=True)
        for concern in article.concerns:
            cells = table.add_row().cells
            add_text(cells[0].paragraphs[0], concern.label)
            add_text(cells[1].paragraphs[0], digits(concern.inputs))
        add_text(document.add_paragraph(), raised_by(article))
    for heading, text, style in (
        (_("Finding"), article.finding, None),
        (_("Recommendation"), article.recommendation, None),
        (_("Proposed wording"), article.wording, "Quote"),
    ):
        if text:
            add_heading(document, heading, 2)
            add_paragraphs(document, text, style=style)


def raised_by(article: ArticlePosition) -> str:
    return _("Organisations that raised it: %(organisations)s (inputs: %(inputs)s).") % {
        "inputs": digits(article.inputs),
        "organisations": digits(article.organisations),
    }


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
        set_khmer(run._r.get_or_add_rPr(), bold=bold)
    return run


def set_khmer(rpr: CT_RPr, bold: bool = False) -> None:
    """The complex-script font, size, bold and language of a run, in the schema's order."""
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:cs"), KHMER_FONT)
    fonts.set(qn("w:hint"), "cs")
    if bold:
        rpr.get_or_add_bCs()
    child(rpr, "w:szCs").set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
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
