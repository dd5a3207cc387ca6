"""Reads of endorsements: the public list (only the organisations that agreed to be named) and
the organisers' full list, each in one query.

The public list is built as plain `Endorser` rows of the listed organisations only, and a
count of the rest: a template cannot show a name it never receives.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from sala.meetings.models import Consultation
from sala.people.models import Organisation, Person

from ..models import Endorsement


@dataclass(frozen=True)
class Endorser:
    name: str
    acronym: str

    @property
    def label(self) -> str:
        """ "Cambodian Human Rights Centre (CHRC)", or whichever of the two is known."""
        if self.name and self.acronym and self.name != self.acronym:
            return f"{self.name} ({self.acronym})"
        return self.name or self.acronym


def endorser(organisation: Organisation) -> Endorser:
    """How pages name an organisation, in the page's language."""
    return Endorser(organisation.name, organisation.acronym)


@dataclass(frozen=True)
class PublicEndorsements:
    listed: list[Endorser]
    total: int

    @property
    def unlisted(self) -> int:
        return self.total - len(self.listed)


def public_endorsements(consultation: Consultation) -> PublicEndorsements:
    """The organisations that may be named, by name, and how many endorse in all; one query."""
    rows = Endorsement.objects.filter(consultation=consultation).select_related("organisation")
    listed, total = [], 0
    for endorsement in rows:
        total += 1
        if endorsement.listed:
            listed.append(endorser(endorsement.organisation))
    listed.sort(key=lambda e: e.label.casefold())
    return PublicEndorsements(listed, total)


def consultation_endorsements(consultation: Consultation) -> QuerySet[Endorsement]:
    """Every endorsement, listed or not, with its organisation and representative (organisers only)."""
    return Endorsement.objects.filter(consultation=consultation).select_related(
        "organisation", "representative"
    )


def endorsement_of(consultation: Consultation, organisation: Organisation | None) -> Endorsement | None:
    if organisation is None:
        return None
    return Endorsement.objects.filter(consultation=consultation, organisation=organisation).first()


def consultation_people(consultation: Consultation) -> QuerySet[Person]:
    """People invited to or registered for one of the consultation's meetings: who may represent an
    organisation or own an action, as organisers pick them."""
    return (
        Person.objects.filter(
            Q(invitations__meeting__consultation=consultation)
            | Q(registrations__meeting__consultation=consultation),
            erased_at__isnull=True,
        )
        .select_related("organisation")
        .distinct()
    )
