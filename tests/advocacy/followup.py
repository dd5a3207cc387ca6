"""Helpers of the endorsement and follow-up tests: a published position, invited people."""

from sala.advocacy.services import publish_position, save_finding
from sala.attendance.models import Category, Invitation
from sala.people.models import Person

from ..factories import PersonFactory
from .conftest import article


def publish(consultation, organiser) -> None:
    save_finding(
        consultation=consultation,
        article=article(consultation, "12"),
        actor=organiser,
        finding_en="The terms are vague.",
        finding_km="ពាក្យមិនច្បាស់លាស់។",
    )
    publish_position(consultation=consultation, actor=organiser)
    consultation.refresh_from_db()


def invite(consultation, person: Person | None = None, **fields) -> Invitation:
    """An invitation of `person` (or a new person with `fields`) to the consultation's meeting."""
    return Invitation.objects.create(
        meeting=consultation.meetings.get(),
        person=person or PersonFactory(**fields),
        category=Category.PARTICIPANT,
    )
