"""Creating people and organisations."""

from django.db import transaction

from .models import Organisation, Person


@transaction.atomic
def create_person(
    *,
    name_en: str = "",
    name_km: str = "",
    title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    phone: str = "",
) -> Person:
    if not (name_en.strip() or name_km.strip()):
        raise ValueError("A person needs a name in at least one script.")
    return Person.objects.create(
        name_en=name_en.strip(),
        name_km=name_km.strip(),
        title=title,
        organisation=organisation,
        email=email,
        phone=phone,
    )
