"""Creating, changing and erasing a person."""

from django.db import transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.models import AuditEntry

from ..models import Organisation, Person

PERSONAL_FIELDS = ("name_en", "name_km", "title", "position", "email", "phone")


@transaction.atomic
def create_person(
    *,
    name_en: str = "",
    name_km: str = "",
    title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    phone: str = "",
    position: str = "",
    gender: str = "",
    language: str = Person.Language.KHMER,
) -> Person:
    if not (name_en.strip() or name_km.strip()):
        raise DomainError("person.no_name")
    return Person.objects.create(
        name_en=" ".join(name_en.split()),
        name_km=" ".join(name_km.split()),
        title=title,
        organisation=organisation,
        email=email.strip().lower(),
        phone=phone.strip(),
        position=position.strip(),
        gender=gender,
        language=language,
    )


@transaction.atomic
def update_person(*, person: Person, **fields) -> Person:
    """Change the given fields; a person keeps at least one name."""
    for name, value in fields.items():
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    if not (person.name_en or person.name_km) and person.erased_at is None:
        raise DomainError("person.no_name")
    person.save()
    return person


@transaction.atomic
def erase_person(*, person: Person, actor, scope) -> Person:
    """Remove a person's personal data on request, keeping the anonymous counts.

    Name, title, position and contacts go; gender and organisation stay, because the
    attendance figures (women and men, kinds of organisation) must not change. Audit
    entries about this person lose their details, which may hold the name.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    for name in PERSONAL_FIELDS:
        setattr(person, name, "")
    person.erased_at = timezone.now()
    person.save()
    AuditEntry.objects.filter(target=audit.key(person)).update(data={})
    audit.record(action="person.erased", scope=scope, target=person, actor=actor)
    return person
