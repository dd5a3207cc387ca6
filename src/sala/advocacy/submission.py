"""The joint submission as plain data, built once and written as Word (documents.py) or PDF.

Built in the active language: the coalition's texts come in that language (or the other one
when missing), labels and numbers as the reader reads them.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from sala.core.khmer import local
from sala.core.models.bilingual import active_language
from sala.meetings.models import Consultation
from sala.people.models import Organisation

from .models import Finding
from .queries import MatrixRow, consolidation_matrix, finding_in


@dataclass(frozen=True)
class ConcernCount:
    label: str
    inputs: int


@dataclass(frozen=True)
class ArticlePosition:
    """What the coalition says on one article (or on the text as a whole)."""

    title: str
    text: str  # the draft's wording; empty for the text as a whole
    concerns: list[ConcernCount]  # the concern types raised, with their number of inputs
    inputs: int
    organisations: int  # how many organisations raised it
    finding: str
    recommendation: str
    wording: str


@dataclass(frozen=True)
class Submission:
    lang: str
    title: str  # the consultation's
    law: str
    draft: str
    date: date  # of publication, or of the export for a draft position
    published: bool
    organisers: list[str]
    articles: list[ArticlePosition]


def build_submission(consultation: Consultation) -> Submission:
    """Every place the coalition wrote a finding on, in the draft's order, with what was raised."""
    findings = {f.article_id: f for f in Finding.objects.filter(consultation=consultation)}
    matrix = consolidation_matrix(consultation)
    labels = [label for _value, label in matrix.concerns]
    organisers = Organisation.objects.filter(organised_meetings__consultation=consultation).distinct()
    published = consultation.position_published_at
    return Submission(
        lang=active_language(),
        title=consultation.title,
        law=consultation.law.title if consultation.law else "",
        draft=consultation.draft.label if consultation.draft else "",
        date=local(published or timezone.now()).date(),
        published=published is not None,
        organisers=[organisation_name(o) for o in organisers],
        articles=[
            position(row, finding, labels)
            for row in matrix.rows
            if (finding := finding_in(findings, row.place)) is not None
        ],
    )


def position(row: MatrixRow, finding: Finding, concern_labels: list[str]) -> ArticlePosition:
    article = row.place.article
    return ArticlePosition(
        title=row.place.label,
        text=article.text if article else "",
        concerns=[
            ConcernCount(label, cell.tally.inputs)
            for cell, label in zip(row.cells, concern_labels, strict=True)
            if cell.tally.inputs
        ],
        inputs=row.total.inputs,
        organisations=row.total.organisations,
        finding=finding.finding,
        recommendation=finding.recommendation,
        wording=finding.wording,
    )


def organisation_name(organisation: Organisation) -> str:
    """ "Cambodian Center for Human Rights (CCHR)"."""
    name = organisation.name or organisation.acronym
    return (
        f"{name} ({organisation.acronym})" if organisation.acronym and organisation.acronym != name else name
    )
