"""Reads for the consolidation and the joint position: a fixed number of queries whatever the size.

Rows of the matrix are "places": the text as a whole, each article of the consultation's draft,
and (only when some inputs sit there) articles of an earlier draft. Inputs are shown through
plain `Entry` objects that carry what a page may show of who gave them, never the author
unless they agreed: templates cannot leak what they never receive.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import BigIntegerField, Case, Count, F, Max, Min, Q, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sala.core import audit
from sala.core.khmer import digits
from sala.core.models import AuditEntry
from sala.laws.models import Article
from sala.meetings.models import Consultation
from sala.participation.models import Concern, Input

from ..models import Disposition, Finding

WHOLE_TEXT = "text"
ELSEWHERE = "other"
WHOLE_TEXT_SLOT, ELSEWHERE_SLOT = 0, -1  # article ids are positive
WHOLE_TEXT_LABEL = gettext_lazy("The text as a whole")
ELSEWHERE_LABEL = gettext_lazy("Articles of an earlier draft")
GROUPS_SHOWN = 50
VERSION_SECONDS = 2


@dataclass(frozen=True)
class Place:
    """Where inputs sit: an article of the draft, the text as a whole, or an earlier draft."""

    key: str  # in URLs: the article's id, WHOLE_TEXT or ELSEWHERE
    article: Article | None = None

    @property
    def has_finding(self) -> bool:
        """The coalition writes a position on an article or on the whole text, not on old drafts."""
        return self.key != ELSEWHERE

    @property
    def label(self) -> str:
        if self.article is not None:
            return article_title(self.article)
        return str(WHOLE_TEXT_LABEL if self.key == WHOLE_TEXT else ELSEWHERE_LABEL)

    @property
    def slot(self) -> int:
        if self.article is not None:
            return self.article.pk
        return WHOLE_TEXT_SLOT if self.key == WHOLE_TEXT else ELSEWHERE_SLOT


def article_title(article: Article) -> str:
    """ "Article 12: Content offences", in the page's language and digits."""
    number = _("Article %(number)s") % {"number": digits(article.number)}
    return f"{number}: {article.heading}" if article.heading else number


def draft_articles(consultation: Consultation) -> list[Article]:
    if consultation.draft_id is None:
        return []
    return list(Article.objects.filter(draft_id=consultation.draft_id).order_by("position"))


def place_of(consultation: Consultation, key: str) -> Place:
    """The place a URL names (404 for an article of another draft)."""
    if key in (WHOLE_TEXT, ELSEWHERE):
        return Place(key)
    if not key.isdigit() or consultation.draft_id is None:
        raise Http404
    return Place(key, get_object_or_404(Article, pk=int(key), draft_id=consultation.draft_id))


def inputs_at(consultation: Consultation, place: Place) -> QuerySet[Input]:
    inputs = Input.objects.filter(consultation=consultation)
    if place.key == WHOLE_TEXT:
        return inputs.filter(article__isnull=True)
    if place.key == ELSEWHERE:
        return inputs.filter(article__isnull=False).exclude(article__draft_id=consultation.draft_id)
    return inputs.filter(article=place.article)


# The matrix


@dataclass(frozen=True)
class Tally:
    inputs: int = 0
    organisations: int = 0


@dataclass(frozen=True)
class MatrixCell:
    concern: str
    tally: Tally


@dataclass(frozen=True)
class MatrixRow:
    place: Place
    cells: list[MatrixCell]
    total: Tally


@dataclass(frozen=True)
class Matrix:
    concerns: list[tuple[str, str]]  # (value, label), the columns
    rows: list[MatrixRow]
    column_totals: list[Tally]
    total: Tally


TALLY = {"inputs": Count("pk"), "organisations": Count("organisation", distinct=True)}


def consolidation_matrix(consultation: Consultation) -> Matrix:
    """Articles by concern type: inputs and distinct organisations per cell, row and column.

    Five queries: the articles, then one aggregate each for the cells, rows, columns and total
    (distinct organisations cannot be added up, so each level is counted by the database).
    """
    articles = draft_articles(consultation)
    inputs = Input.objects.filter(consultation=consultation).annotate(slot=_slot([a.pk for a in articles]))
    cells = {(r["slot"], r["concern"]): _tally(r) for r in inputs.values("slot", "concern").annotate(**TALLY)}
    rows = {r["slot"]: _tally(r) for r in inputs.values("slot").annotate(**TALLY).order_by()}
    columns = {r["concern"]: _tally(r) for r in inputs.values("concern").annotate(**TALLY).order_by()}
    total = _tally(inputs.aggregate(**TALLY))
    places = [Place(WHOLE_TEXT), *(Place(str(a.pk), a) for a in articles)]
    if ELSEWHERE_SLOT in rows:
        places.append(Place(ELSEWHERE))
    concerns = list(Concern.choices)
    return Matrix(
        concerns=[(value, str(label)) for value, label in concerns],
        rows=[
            MatrixRow(
                place=place,
                cells=[MatrixCell(value, cells.get((place.slot, value), Tally())) for value, _l in concerns],
                total=rows.get(place.slot, Tally()),
            )
            for place in places
        ],
        column_totals=[columns.get(value, Tally()) for value, _l in concerns],
        total=total,
    )


def _slot(article_ids: list[int]) -> Case:
    """The matrix row of an input: its article's id, 0 for the whole text, -1 for another draft."""
    whens = [When(article__isnull=True, then=Value(WHOLE_TEXT_SLOT))]
    if article_ids:
        whens.append(When(article_id__in=article_ids, then=F("article_id")))
    return Case(*whens, default=Value(ELSEWHERE_SLOT), output_field=BigIntegerField())


def _tally(row: dict) -> Tally:
    return Tally(row["inputs"] or 0, row["organisations"] or 0)


# Near-duplicate groups


@dataclass(frozen=True)
class Group:
    number: int  # the group's id: its smallest input id
    inputs: int
    organisations: int
    text: str  # the representative's comment
    place: Place


@dataclass(frozen=True)
class Groups:
    shown: list[Group]  # the largest first
    count: int
    grouped_inputs: int


def near_duplicate_groups(consultation: Consultation, limit: int = GROUPS_SHOWN) -> Groups:
    """The groups with their counts and the text of their first input, in two queries."""
    found = list(
        Input.objects.filter(consultation=consultation, group__isnull=False)
        .values("group")
        .annotate(first=Min("pk"), **TALLY)
        .order_by("-inputs", "group")
    )
    firsts = Input.objects.select_related("article").in_bulk([g["first"] for g in found[:limit]])
    return Groups(
        shown=[
            Group(g["group"], g["inputs"], g["organisations"], first.comment, place_for(consultation, first))
            for g in found[:limit]
            if (first := firsts.get(g["first"])) is not None
        ],
        count=len(found),
        grouped_inputs=sum(g["inputs"] for g in found),
    )


def place_for(consultation: Consultation, input: Input) -> Place:
    """The matrix row an input sits in (its article must be loaded)."""
    if input.article is None:
        return Place(WHOLE_TEXT)
    if input.article.draft_id != consultation.draft_id:
        return Place(ELSEWHERE)
    return Place(str(input.article_id), input.article)


# What became of the inputs


@dataclass(frozen=True)
class Progress:
    inputs: int
    decided: int
    integrated: int
    merged: int
    merged_into_integrated: int
    not_integrated: int

    @property
    def undecided(self) -> int:
        return self.inputs - self.decided

    @property
    def percent_decided(self) -> int:
        return round(100 * self.decided / self.inputs) if self.inputs else 0

    @property
    def percent_integrated(self) -> int:
        """Of the inputs decided, how many found their way into the position (merged ones too)."""
        taken = self.integrated + self.merged_into_integrated
        return round(100 * taken / self.decided) if self.decided else 0


def disposition_progress(consultation: Consultation) -> Progress:
    """How many inputs have a disposition, and how many were integrated; two queries."""
    status = Disposition.Status
    counts = Disposition.objects.filter(input__consultation=consultation).aggregate(
        decided=Count("pk"),
        integrated=Count("pk", filter=Q(status=status.INTEGRATED)),
        merged=Count("pk", filter=Q(status=status.MERGED)),
        merged_into_integrated=Count(
            "pk", filter=Q(status=status.MERGED, merged_into__disposition__status=status.INTEGRATED)
        ),
        not_integrated=Count("pk", filter=Q(status=status.NOT_INTEGRATED)),
    )
    return Progress(inputs=Input.objects.filter(consultation=consultation).count(), **counts)


# Inputs as pages show them


@dataclass(frozen=True)
class Outcome:
    """What became of some inputs of an entry: a status, its reason, and how many share it."""

    status: str  # "" while undecided
    label: str
    reason: str
    merged_into: int | None
    count: int


@dataclass
class Entry:
    """One input, or a near-duplicate group shown once through its first input."""

    number: int
    group: int | None
    concern: str
    concern_label: str
    comment: str
    proposed_wording: str
    source: str
    channel: str
    disposition: Disposition | None = None  # the first input's, to fill the organisers' form
    members: list[int] = field(default_factory=list)
    organisation_ids: set[int] = field(default_factory=set)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def organisations(self) -> int:
        return len(self.organisation_ids)

    @property
    def is_group(self) -> bool:
        return self.count > 1


def source_of(input: Input) -> str:
    """Who gave an input, as any page may say: the author only if they agreed to be named."""
    organisation = (input.organisation.name or input.organisation.acronym) if input.organisation else ""
    if input.author is not None and input.show_author:
        if organisation:
            return _("%(name)s (%(organisation)s)") % {"name": input.author, "organisation": organisation}
        return str(input.author)
    return organisation or _("Anonymous")


def entries_queryset(inputs: QuerySet[Input]) -> QuerySet[Input]:
    return inputs.select_related("organisation", "author", "disposition").order_by("pk")


def entries(inputs: Iterable[Input]) -> list[Entry]:
    """Inputs in order, the near-duplicates of a group on one article collapsed into the first."""
    found: dict[tuple, Entry] = {}  # by group and article, or by the input alone
    outcomes: dict[tuple, Counter] = {}
    for input in inputs:
        key = (input.group, input.article_id) if input.group is not None else (None, input.pk)
        if key not in found:
            found[key], outcomes[key] = _entry(input), Counter()
        found[key].members.append(input.pk)
        if input.organisation_id:
            found[key].organisation_ids.add(input.organisation_id)
        outcomes[key][_outcome_key(input)] += 1
    for key, entry in found.items():
        entry.outcomes = [
            Outcome(status, _status_label(status), reason, merged_into, count)
            for (status, reason, merged_into), count in outcomes[key].most_common()
        ]
    return list(found.values())


def _entry(input: Input) -> Entry:
    return Entry(
        number=input.pk,
        group=input.group,
        concern=input.concern,
        concern_label=input.get_concern_display(),
        comment=input.comment,
        proposed_wording=input.proposed_wording,
        source=source_of(input),
        channel=input.get_channel_display(),
        disposition=disposition_of(input),
    )


def disposition_of(input: Input) -> Disposition | None:
    return getattr(input, "disposition", None)


def _outcome_key(input: Input) -> tuple[str, str, int | None]:
    disposition = disposition_of(input)
    if disposition is None:
        return "", "", None
    return disposition.status, disposition.reason, disposition.merged_into_id


def _status_label(status: str) -> str:
    return str(Disposition.Status(status).label) if status else _("Not decided yet")


# The article page and the joint position


def finding_at(consultation: Consultation, place: Place) -> Finding | None:
    if not place.has_finding:
        return None
    return Finding.objects.filter(consultation=consultation, article=place.article).first()


@dataclass(frozen=True)
class Section:
    place: Place
    finding: Finding | None
    entries: list[Entry]


@dataclass(frozen=True)
class Account:
    """The public account of a published position: per place, the position and every input."""

    consultation: Consultation
    sections: list[Section]
    inputs: int


def position_account(consultation: Consultation) -> Account:
    """Every place with a finding or an input, in the draft's order; three queries."""
    articles = draft_articles(consultation)
    findings = {f.article_id: f for f in Finding.objects.filter(consultation=consultation)}
    inputs = list(entries_queryset(Input.objects.filter(consultation=consultation)))
    known = {a.pk for a in articles}
    by_place: dict[str, list[Input]] = {}
    for input in inputs:
        by_place.setdefault(_place_key(input.article_id, known), []).append(input)
    places = [Place(WHOLE_TEXT), *(Place(str(a.pk), a) for a in articles), Place(ELSEWHERE)]
    sections = []
    for place in places:
        finding = finding_in(findings, place)
        listed = by_place.get(place.key, [])
        if finding is not None or listed:
            sections.append(Section(place, finding, entries(listed)))
    return Account(consultation, sections, len(inputs))


def finding_in(findings: dict[int | None, Finding], place: Place) -> Finding | None:
    """The finding on a place, from findings by article id (None: the whole text)."""
    if not place.has_finding:
        return None
    return findings.get(place.article.pk if place.article else None)


def _place_key(article_id: int | None, known: set[int]) -> str:
    if article_id is None:
        return WHOLE_TEXT
    return str(article_id) if article_id in known else ELSEWHERE


def published_consultation(slug: str) -> Consultation:
    """The consultation of a published position, with its law and draft (404 before publication)."""
    return get_object_or_404(
        Consultation.objects.select_related("law", "draft"), slug=slug, position_published_at__isnull=False
    )


def position_version(slug: str) -> str:
    """What the public account shows depends on; cached briefly so a busy page costs no query.

    Every change of inputs, findings, dispositions and publication writes an audit entry of
    the consultation, so the newest one dates the account. 404 when the position is not public.
    """
    key = f"position-version:{slug}"
    version = cache.get(key)
    if version is None:
        consultation = get_object_or_404(
            Consultation.objects.only("pk", "position_published_at"),
            slug=slug,
            position_published_at__isnull=False,
        )
        changed = AuditEntry.objects.filter(scope=audit.key(consultation)).aggregate(last=Max("pk"))["last"]
        version = f"{consultation.pk}.{consultation.position_published_at.timestamp()}.{changed}"
        cache.set(key, version, VERSION_SECONDS)
    return version


def forget_version(consultation: Consultation) -> None:
    cache.delete(f"position-version:{consultation.slug}")
