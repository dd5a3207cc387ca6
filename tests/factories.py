"""factory_boy factories for the domain: small valid objects, overridden per test."""

from datetime import datetime
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model

from sala.laws.models import Law
from sala.meetings.models import AgendaItem, Consultation, Facilitator, Meeting
from sala.people.models import Organisation, Person

PP = ZoneInfo("Asia/Phnom_Penh")


def pp(hour: int, minute: int = 0, day: int = 5) -> datetime:
    """A time on 5 June 2014 in Phnom Penh, the demo meeting's day."""
    return datetime(2014, 6, day, hour, minute, tzinfo=PP)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}@example.org")
    email = factory.SelfAttribute("username")
    password = factory.django.Password("pass-word-123")


class LawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Law

    slug = factory.Sequence(lambda n: f"law-{n}")
    title_en = factory.Sequence(lambda n: f"Law {n}")


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    slug = factory.Sequence(lambda n: f"consultation-{n}")
    title_en = factory.Sequence(lambda n: f"Consultation {n}")
    law = factory.SubFactory(LawFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    consultation = factory.SubFactory(ConsultationFactory)
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    title_km = factory.Sequence(lambda n: f"កិច្ចប្រជុំ {n}")
    starts_at = pp(7, 30)
    ends_at = pp(12, 0)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_en = factory.Sequence(lambda n: f"Person {n}")
    title = "ms"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    starts_at = pp(8)
    ends_at = pp(9)
    kind = "session"
    title_en = factory.Sequence(lambda n: f"Item {n}")


class FacilitatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facilitator

    item = factory.SubFactory(AgendaItemFactory)
    person = factory.SubFactory(PersonFactory)
    role_en = "Speaker"
