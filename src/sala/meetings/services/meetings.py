"""Creating meetings and editing their concept note."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from sala.core import audit
from sala.core.errors import DomainError
from sala.people.models import Organisation

from ..agenda import check_agenda
from ..models import Consultation, ExpectedOutcome, Meeting, Objective
from .agenda import forget_version, lock_meeting, touch

# The concept note as organisers fill it in, in the order the form shows it.
CONCEPT_NOTE_FIELDS = (
    "slug", "visibility", "starts_at", "ends_at", "title_en", "title_km", "purpose_en",
    "purpose_km", "introduction_en", "introduction_km", "participants_min", "participants_max",
    "participant_categories_en", "participant_categories_km", "guests_en", "guests_km",
    "agenda_note_en", "agenda_note_km", "venue_name_en", "venue_name_km", "venue_address_en",
    "venue_address_km", "venue_phones",
)  # fmt: skip


@dataclass
class ObjectiveRow:
    text_en: str
    text_km: str
    id: int | None = None


@dataclass
class OutcomeRow:
    text_en: str
    text_km: str
    objective_ids: list[int] = field(default_factory=list)
    id: int | None = None


def check_window(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise DomainError("meeting.end_before_start")


@transaction.atomic
def create_meeting(
    *, consultation: Consultation, actor, organisations: list[Organisation] = (), **fields: Any
) -> Meeting:
    unknown = set(fields) - set(CONCEPT_NOTE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    check_window(fields["starts_at"], fields["ends_at"])
    if Meeting.objects.filter(slug=fields["slug"]).exists():
        raise DomainError("meeting.slug_taken")
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(consultation=consultation, **fields)
    except IntegrityError as error:  # a concurrent creation took the slug
        raise DomainError("meeting.slug_taken") from error
    meeting.organisations.set(organisations)
    audit.record(
        action="meeting.created",
        scope=meeting,
        target=meeting,
        actor=actor,
        data={"title": audit.texts(meeting, "title")},
    )
    return meeting


@transaction.atomic
def update_meeting(
    *, meeting: Meeting, actor, organisations: list[Organisation] | None = None, **fields: Any
) -> Meeting:
    unknown = set(fields) - set(CONCEPT_NOTE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    meeting = lock_meeting(meeting)
    old_slug = meeting.slug
    if "slug" in fields and Meeting.objects.filter(slug=fields["slug"]).exclude(pk=meeting.pk).exists():
        raise DomainError("meeting.slug_taken")
    changed = sorted(name for name, value in fields.items() if getattr(meeting, name) != value)
    for name, value in fields.items():
        setattr(meeting, name, value)
    check_window(meeting.starts_at, meeting.ends_at)
    if {"starts_at", "ends_at"} & set(changed):
        result = check_agenda(meeting.starts_at, meeting.ends_at, list(meeting.agenda_items.all()))
        if not result.is_valid:
            raise DomainError("meeting.agenda_outside_window")
    meeting.save()
    forget_version(old_slug)
    forget_version(meeting.slug)
    if organisations is not None:
        meeting.organisations.set(organisations)
    audit.record(
        action="meeting.changed", scope=meeting, target=meeting, actor=actor, data={"fields": changed}
    )
    return meeting


@transaction.atomic
def set_objectives(*, meeting: Meeting, actor, rows: list[ObjectiveRow]) -> list[Objective]:
    """Save the concept note's numbered objectives in order.

    Existing rows keep their identity (outcomes and later reports link to them); rows left out
    are deleted.
    """
    meeting = lock_meeting(meeting)
    kept = upsert(meeting, Objective, meeting.objectives.all(), rows)
    touch(meeting)
    audit.record(
        action="meeting.objectives_changed",
        scope=meeting,
        target=meeting,
        actor=actor,
        data={"objectives": [o.text_en or o.text_km for o in kept]},
    )
    return kept


@transaction.atomic
def set_outcomes(*, meeting: Meeting, actor, rows: list[OutcomeRow]) -> list[ExpectedOutcome]:
    """Save the expected outcomes in order, each tied to objectives of the same meeting."""
    meeting = lock_meeting(meeting)
    kept = upsert(meeting, ExpectedOutcome, meeting.outcomes.all(), rows)
    own = set(meeting.objectives.values_list("id", flat=True))
    for outcome, row in zip(kept, rows, strict=True):
        outcome.objectives.set([pk for pk in row.objective_ids if pk in own])
    touch(meeting)
    audit.record(
        action="meeting.outcomes_changed",
        scope=meeting,
        target=meeting,
        actor=actor,
        data={"outcomes": [o.text_en or o.text_km for o in kept]},
    )
    return kept


@transaction.atomic
def save_concept_note(
    *,
    meeting: Meeting,
    actor,
    organisations: list[Organisation],
    objectives: list[ObjectiveRow],
    outcomes: list[OutcomeRow],
    **fields: Any,
) -> Meeting:
    """One save of the concept note form: all of it is stored, or none of it."""
    meeting = update_meeting(meeting=meeting, actor=actor, organisations=organisations, **fields)
    set_objectives(meeting=meeting, actor=actor, rows=objectives)
    set_outcomes(meeting=meeting, actor=actor, rows=outcomes)
    return meeting


def upsert(meeting: Meeting, model, existing, rows) -> list:
    by_id = {o.pk: o for o in existing}
    kept = []
    for position, row in enumerate(rows):
        obj = by_id.pop(row.id, None) or model(meeting=meeting)
        obj.position, obj.text_en, obj.text_km = position, row.text_en, row.text_km
        obj.save()
        kept.append(obj)
    model.objects.filter(pk__in=by_id).delete()
    return kept
