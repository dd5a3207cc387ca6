"""Finding people: by part of a name in either script, and by who they might already be."""

from django.db.models import Q, QuerySet

from sala.importers import people_list

from .models import Organisation, Person


def search_people(queryset: QuerySet[Person], text: str) -> QuerySet[Person]:
    """People whose Latin or Khmer name contains every word typed, in any order and case.

    Khmer is matched as typed (no word breaks needed): "សុភ" finds "ផាន់ សុភាព".
    """
    for word in text.split():
        queryset = queryset.filter(Q(name_en__icontains=word) | Q(name_km__icontains=word))
    return queryset


def matching_people(
    *, name: str = "", organisation: Organisation | None = None, phone: str = "", email: str = ""
) -> list[Person]:
    """Known people who are probably this one: same email, same phone, or same name and organisation."""
    values = {
        "name_latin": name,
        "name_khmer": name,
        "organisation": (organisation.name_en or organisation.name_km) if organisation else "",
        "acronym": organisation.acronym if organisation else "",
        "phone": people_list.normalise_phone(phone) or "" if phone else "",
        "email": email,
    }
    wanted = people_list.identity_keys(values)
    if not wanted:
        return []
    candidates = Person.objects.filter(erased_at__isnull=True).select_related("organisation")
    words = name.split()
    filters = Q(pk__in=[])
    if words:
        filters |= Q(name_en__icontains=words[0]) | Q(name_km__icontains=words[0])
    if email:
        filters |= Q(email__iexact=email.strip())
    if values["phone"]:
        filters |= Q(phone=values["phone"])
    return [p for p in candidates.filter(filters) if people_list.identity_keys(person_values(p)) & wanted]


def person_values(person: Person) -> dict[str, str]:
    """A person as the parser's identity keys see them."""
    organisation = person.organisation
    return {
        "name_latin": person.name_en,
        "name_khmer": person.name_km,
        "email": person.email,
        "phone": person.phone,
        "organisation": (organisation.name_en or organisation.name_km) if organisation else "",
        "acronym": organisation.acronym if organisation else "",
    }
