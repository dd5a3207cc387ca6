"""Organisations sign on to the published joint position, and may take their name back.

An organisation endorses once (a unique constraint): endorsing again, through another of its
people's links or by an organiser, updates the existing endorsement (whether it may be named,
and who answers for it) rather than failing, since any representative speaks for the
organisation. Representatives endorse through their personal link (no actor); organisers
record endorsements received on paper or by email (the actor). The audit entries name the
organisation, never the person, and move the public page's version.
"""

from django.db import transaction

from sala.core import audit
from sala.core.errors import DomainError
from sala.meetings.models import Consultation
from sala.people.models import Organisation, Person

from ..models import Endorsement
from .position import changed


def organisation_names(organisation: Organisation) -> dict[str, str]:
    """What an audit entry calls the organisation, in both languages."""
    return {lang: getattr(organisation, f"name_{lang}") or organisation.acronym for lang in ("en", "km")}


@transaction.atomic
def endorse_position(
    *,
    consultation: Consultation,
    organisation: Organisation | None,
    representative: Person | None,
    listed: bool,
    actor=None,
) -> Endorsement:
    """Sign `organisation` on to the published position, or update its endorsement.

    `representative` (if given) must belong to the organisation; None keeps the one recorded.
    """
    if organisation is None:
        raise DomainError("endorsement.no_organisation")
    if representative is not None and representative.organisation_id != organisation.pk:
        raise DomainError(
            "endorsement.not_a_representative", person=representative, organisation=organisation
        )
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)  # against unpublishing
    if locked.position_published_at is None:
        raise DomainError("endorsement.not_published")
    endorsement, created = Endorsement.objects.select_for_update().get_or_create(
        consultation=locked,
        organisation=organisation,
        defaults={"representative": representative, "listed": listed},
    )
    if not created:
        representative_id = representative.pk if representative else endorsement.representative_id
        if (endorsement.listed, endorsement.representative_id) == (listed, representative_id):
            return endorsement  # nothing changes: no audit entry, the page keeps its version
        endorsement.listed, endorsement.representative_id = listed, representative_id
        endorsement.save(update_fields=["listed", "representative"])
    audit.record(
        action="endorsement.given" if created else "endorsement.changed",
        scope=locked,
        target=endorsement,
        actor=actor,
        data={
            "organisation": organisation_names(organisation),
            "listed": listed,
            "by_organiser": actor is not None,
        },
    )
    changed(locked)
    return endorsement


@transaction.atomic
def withdraw_endorsement(*, endorsement: Endorsement, actor=None) -> None:
    """The organisation no longer endorses the position (its representative or an organiser says so)."""
    endorsement = (
        Endorsement.objects.select_for_update(of=("self",))
        .select_related("consultation", "organisation")
        .filter(pk=endorsement.pk)
        .first()
    )
    if endorsement is None:  # withdrawn already, by a colleague or a second click
        return
    endorsement.delete()
    audit.record(
        action="endorsement.withdrawn",
        scope=endorsement.consultation,
        actor=actor,
        data={
            "organisation": organisation_names(endorsement.organisation),
            "by_organiser": actor is not None,
        },
    )
    changed(endorsement.consultation)
