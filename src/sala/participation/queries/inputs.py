"""Reading inputs and the draft they are given on, with a fixed number of queries."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import F, Q, QuerySet

from sala.attendance.queries import meeting_people
from sala.laws.models import Article, Chapter, DraftVersion
from sala.meetings.models import Consultation
from sala.people.models import Organisation, Person

from ..models import Input


@dataclass
class ChapterBlock:
    """A chapter and its articles, as the participant's page lists them (chapter None: no chapter)."""

    chapter: Chapter | None
    articles: list[Article] = field(default_factory=list)


def draft_outline(draft: DraftVersion | None) -> list[ChapterBlock]:
    if draft is None:
        return []
    articles = Article.objects.filter(draft=draft).select_related("chapter").order_by("position")
    return [
        ChapterBlock(chapter, list(group)) for chapter, group in groupby(articles, key=lambda a: a.chapter)
    ]


def draft_articles(draft: DraftVersion | None) -> list[Article]:
    return list(Article.objects.filter(draft=draft).order_by("position")) if draft else []


def with_details(inputs: QuerySet[Input]) -> QuerySet[Input]:
    return inputs.select_related("article", "draft", "organisation", "author", "meeting")


def my_inputs(consultation: Consultation, person: Person) -> QuerySet[Input]:
    """A person's own named inputs; anonymous ones are nobody's, so they are never listed back."""
    return (
        Input.objects.filter(consultation=consultation, author=person)
        .select_related("article", "organisation")
        .order_by("-created_at", "-pk")
    )


def filtered_inputs(
    consultation: Consultation, *, article: str = "", concern: str = "", channel: str = "", organisation=None
) -> QuerySet[Input]:
    """The inputs placed on the current draft, filtered as the organisers' list asks."""
    inputs = Input.objects.filter(consultation=consultation, unplaced=False)
    if article == "whole":
        inputs = inputs.filter(article=None)
    elif article:
        inputs = inputs.filter(article_id=article)
    if concern:
        inputs = inputs.filter(concern=concern)
    if channel:
        inputs = inputs.filter(channel=channel)
    if organisation is not None:
        inputs = inputs.filter(organisation=organisation)
    return with_details(inputs).order_by(F("article__position").asc(nulls_last=True), "pk")


def unplaced_inputs(consultation: Consultation) -> QuerySet[Input]:
    return with_details(Input.objects.filter(consultation=consultation, unplaced=True)).order_by("pk")


def input_organisations(consultation: Consultation) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(inputs__consultation=consultation)
        .distinct()
        .order_by("acronym", "name_en")
    )


def other_versions(consultation: Consultation) -> QuerySet[DraftVersion]:
    """The published versions the consultation may move to: of its law, not the current one."""
    law_id = consultation.law_id or (consultation.draft.law_id if consultation.draft else None)
    versions = DraftVersion.objects.filter(status=DraftVersion.Status.PUBLISHED).select_related("law")
    if law_id is not None:
        versions = versions.filter(law_id=law_id)
    return versions.exclude(pk=consultation.draft_id).order_by("-published_at", "-pk")


def consultation_people(consultation: Consultation) -> QuerySet[Person]:
    """Everyone tied to one of the consultation's meetings: who an organiser may name as an author."""
    tied = Q(pk__in=[])
    for meeting in consultation.meetings.all():
        tied |= Q(pk__in=meeting_people(meeting).values("pk"))
    people = Person.objects.filter(tied, erased_at=None).select_related("organisation")
    return people.order_by("name_en", "name_km", "pk")
