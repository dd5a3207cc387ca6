"""Organisations named by hand (at the door, on a sign-up form): reuse a known one if possible."""

from django.db.models import Q

from sala.core.errors import DomainError
from sala.core.khmer import has_khmer

from ..models import Organisation


def find_or_create_organisation(*, name: str) -> Organisation:
    """The organisation whose name (in either script) or acronym is `name`, ignoring case and
    spacing; a new one, of no type yet, if none is.

    Names have no unique constraint, so two organisers typing the same new name at the same
    moment may create it twice (one more row in a list of organisations, no lost data).
    """
    name = " ".join(name.split())
    if not name:
        raise DomainError("organisation.no_name")
    known = Organisation.objects.filter(
        Q(name_en__iexact=name) | Q(name_km__iexact=name) | Q(acronym__iexact=name)
    ).order_by("pk")
    return known.first() or Organisation.objects.create(
        **{"name_km" if has_khmer(name) else "name_en": name}, type=""
    )
