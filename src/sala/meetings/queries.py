"""Reads for meeting pages: a fixed number of queries whatever the agenda's size."""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sala.core import audit
from sala.core.models import AuditEntry

from .agenda import AgendaCheck, check_agenda
from .models import AgendaItem, Consultation, ExpectedOutcome, Facilitator, Material, Meeting

# What a public page's version depends on; kept briefly in the shared cache, so that a busy
# page costs no query at all. Services forget it on every change (`forget_version`).
VERSION_FIELDS = ("pk", "slug", "updated_at", "visibility", "starts_at", "ends_at", "consultation_id")
VERSION_SECONDS = 2


def version_key(slug: str) -> str:
    return f"meeting-version:{slug}"


def meeting_version(slug: str) -> Meeting:
    """The meeting's few version fields, from the cache or one narrow query (404 if none)."""
    meeting = cache.get(version_key(slug))
    if meeting is None:
        meeting = get_object_or_404(Meeting.objects.only(*VERSION_FIELDS), slug=slug)
        cache.set(version_key(slug), meeting, VERSION_SECONDS)
    return meeting


def meeting_with_agenda(slug: str) -> Meeting:
    """The meeting and everything its public page, PDF and calendar show, in 9 queries."""
    return get_object_or_404(
        Meeting.objects.select_related("consultation__law").prefetch_related(
            "objectives",
            Prefetch("outcomes", ExpectedOutcome.objects.prefetch_related("objectives")),
            "organisations",
            Prefetch("agenda_items", agenda_items_queryset()),
        ),
        slug=slug,
    )


def agenda_items_queryset() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.prefetch_related(
        "sub_items",
        Prefetch("facilitators", Facilitator.objects.select_related("person__organisation")),
        "materials",
    )


@dataclass(frozen=True)
class NowNext:
    now: AgendaItem | None
    next: AgendaItem | None


def now_and_next(meeting: Meeting, items: list[AgendaItem], at: datetime | None = None) -> NowNext | None:
    """What is on now and what comes next, while the meeting runs (None before and after)."""
    at = at or timezone.now()
    if not meeting.starts_at <= at < meeting.ends_at:
        return None
    current = next((i for i in items if i.starts_at <= at < i.ends_at), None)
    upcoming = next((i for i in items if i.starts_at > at), None)
    return NowNext(current, upcoming)


@dataclass(frozen=True)
class FacilitatorCounts:
    total: int
    tbc: int
    confirmed: int
    declined: int


def facilitator_counts(items: list[AgendaItem]) -> FacilitatorCounts:
    statuses = [f.status for item in items for f in item.facilitators.all()]
    return FacilitatorCounts(
        total=len(statuses),
        tbc=statuses.count(Facilitator.Status.TBC),
        confirmed=statuses.count(Facilitator.Status.CONFIRMED),
        declined=statuses.count(Facilitator.Status.DECLINED),
    )


def agenda_check(meeting: Meeting, items: list[AgendaItem]) -> AgendaCheck:
    return check_agenda(meeting.starts_at, meeting.ends_at, items)


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(visibility=Meeting.Visibility.PUBLIC).order_by("-starts_at")


def meetings_organised_by(user) -> QuerySet[Meeting]:
    qs = Meeting.objects.select_related("consultation").order_by("-starts_at")
    return qs if user.is_superuser else qs.filter(consultation__organisers=user)


def facilitator_by_token(token: str) -> Facilitator:
    return get_object_or_404(Facilitator.objects.select_related("person", "item__meeting"), token=token)


def consultations_organised_by(user) -> QuerySet[Consultation]:
    qs = Consultation.objects.order_by("title_en")
    return qs if user.is_superuser else qs.filter(organisers=user)


def facilitator_histories(items: list[AgendaItem]) -> dict[int, list[AuditEntry]]:
    """Each facilitator's audit entries (status changes, answers), newest first, in one query."""
    facilitators = {audit.key(f): f.pk for item in items for f in item.facilitators.all()}
    histories: dict[int, list[AuditEntry]] = {pk: [] for pk in facilitators.values()}
    for entry in AuditEntry.objects.filter(target__in=facilitators).select_related("actor"):
        histories[facilitators[entry.target]].append(entry)
    return histories


# materials


def materials_query() -> QuerySet[Material]:
    return Material.objects.select_related("uploaded_by", "uploaded_by_facilitator__person")


def materials_of(item: AgendaItem) -> list[Material]:
    """The item's materials, oldest first, with who uploaded them (one query)."""
    return list(materials_query().filter(item=item))
