"""The joint submission written as an editable Word file, or rendered to PDF.

Khmer runs get the complex-script font through `core.docx`, which the meeting report shares.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from sala.core.docx import add_heading, add_paragraphs, add_table, add_text, document_bytes, new_document
from sala.core.khmer import digits, format_date
from sala.core.pdf import render_pdf
from sala.meetings.views.exports import page_footer_css

from .submission import ArticlePosition, Submission


def submission_pdf(submission: Submission) -> bytes:
    html = render_to_string(
        "advocacy/pdf/submission.html",
        {"submission": submission, "lang": submission.lang, "page_footer": page_footer_css(submission.lang)},
    )
    return render_pdf(html)


def submission_docx(submission: Submission) -> bytes:
    document = new_document()
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
    return document_bytes(document)


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
        add_table(
            document,
            [_("Concern"), _("Inputs")],
            [[concern.label, digits(concern.inputs)] for concern in article.concerns],
        )
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
