"""Reads of follow-up actions: a consultation's list (all, open or overdue) and what is due soon.

"Open" means not done and not dropped (open or in progress). An action is overdue when it is
open and its due date, in Phnom Penh, is before today; due soon when it is open and due within
the coming week. A list is two queries whatever its
length (the actions with their owners, then their strategies).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.utils import timezone

from sala.meetings.models import Consultation

from ..models import ActionItem, Strategy

OPEN_STATUSES = (ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS)
FILTERS = ("all", "open", "soon", "overdue")  # what the organisers' list shows; the first by default
SOON_DAYS = 7
# Not reminded yet for the due date it has now (IS DISTINCT FROM, spelled for every database).
NOT_REMINDED = Q(reminded_for__isnull=True) | ~Q(reminded_for=F("due_on"))


def overdue(today: date) -> Q:
    return Q(status__in=OPEN_STATUSES, due_on__lt=today)


def due_between(today: date, days: int) -> Q:
    """Open, and due from `today` to `days` days later."""
    return Q(status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=today + timedelta(days=days))


def consultation_actions(
    consultation: Consultation, show: str = "all", today: date | None = None
) -> QuerySet:
    """The actions `show` asks for, by due date (those without one last), each with `overdue`."""
    today = today or timezone.localdate()
    actions = (
        ActionItem.objects.filter(consultation=consultation)
        .select_related("owner", "owner_organisation")
        .prefetch_related(Prefetch("strategies", queryset=Strategy.objects.order_by("position", "pk")))
        .annotate(overdue=ExpressionWrapper(overdue(today), output_field=BooleanField()))
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )
    if show == "open":
        return actions.filter(status__in=OPEN_STATUSES)
    if show == "soon":
        return actions.filter(due_between(today, SOON_DAYS))
    if show == "overdue":
        return actions.filter(overdue(today))
    return actions


@dataclass(frozen=True)
class ActionCounts:
    all: int
    open: int
    soon: int
    overdue: int


def action_counts(consultation: Consultation, today: date | None = None) -> ActionCounts:
    """How many actions each filter of the list shows; one query."""
    today = today or timezone.localdate()
    return ActionCounts(
        **ActionItem.objects.filter(consultation=consultation).aggregate(
            all=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            soon=Count("pk", filter=due_between(today, SOON_DAYS)),
            overdue=Count("pk", filter=overdue(today)),
        )
    )


def reminders_due(days: int, today: date) -> QuerySet:
    """Open actions of every consultation due within `days` days whose owner can be emailed and
    who has not been reminded for this due date yet: the reminders to send."""
    return (
        ActionItem.objects.filter(
            due_between(today, days), NOT_REMINDED, owner__isnull=False, owner__erased_at__isnull=True
        )
        .exclude(owner__email="")
        .order_by("due_on", "pk")
    )
