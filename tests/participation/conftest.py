"""A consultation with a published draft, open for inputs, its organiser and an invitee."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from sala.attendance import services as attendance
from sala.laws.models import Article, Chapter, DraftVersion
from sala.people.models import Organisation, Person
from tests.factories import MeetingFactory, UserFactory

# (chapter, number, heading, text): a short cybercrime-like draft.
ARTICLES = [
    ("General provisions", "1", "Purpose",
     "This law aims to prevent offences committed through computer systems."),
    ("General provisions", "2", "Scope",
     "This law applies to any act committed in the territory of the Kingdom."),
    ("Competent authority", "3", "Powers of the Committee",
     "The Committee may order service providers to remove or block any content it considers harmful."),
    ("Offences", "4", "Content offences",
     "Publishing content that is deemed to hinder the sovereignty of the Kingdom shall be punishable."),
    ("Offences", "5", "False information",
     "Publishing false information that causes public fear shall be punishable by imprisonment."),
]  # fmt: skip


def make_draft(
    law, rows=ARTICLES, *, label="Version 1", status=DraftVersion.Status.PUBLISHED
) -> DraftVersion:
    draft = DraftVersion.objects.create(
        law=law, label=label, language="en", status=status, published_at=timezone.now()
    )
    chapters: dict[str, Chapter] = {}
    for position, (chapter, number, heading, text) in enumerate(rows):
        if chapter not in chapters:
            chapters[chapter] = Chapter.objects.create(
                draft=draft, position=len(chapters), number=str(len(chapters) + 1), heading=chapter
            )
        Article.objects.create(
            draft=draft,
            chapter=chapters[chapter],
            position=position,
            number=number,
            number_value=int(number),
            heading=heading,
            text=text,
        )
    return draft


def open_window(consultation) -> None:
    now = timezone.now()
    consultation.inputs_open_from, consultation.inputs_open_until = (
        now - timedelta(days=1),
        now + timedelta(days=7),
    )
    consultation.save()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the rate limit counts in the cache


@pytest.fixture
def meeting(db):
    return MeetingFactory(slug="inputs-meeting")


@pytest.fixture
def consultation(meeting):
    consultation = meeting.consultation
    consultation.draft = make_draft(consultation.law)
    consultation.save()
    open_window(consultation)
    return consultation


@pytest.fixture
def draft(consultation):
    return consultation.draft


@pytest.fixture
def articles(draft):
    return {a.number: a for a in draft.articles.all()}


@pytest.fixture
def inputs_organiser(consultation):
    user = UserFactory(username="inputs-organiser@example.org")
    consultation.organisers.add(user)
    return user


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name_en="Mekong Digital Rights", acronym="MDR", type="cso")


@pytest.fixture
def person(organisation):
    return Person.objects.create(
        name_en="Vongsavath Thearith", name_km="វង្សសាវ៉ាត់ ធារិទ្ធ", email="thearith.v@mdr.example.org",
        organisation=organisation,
    )  # fmt: skip


@pytest.fixture
def invitation(meeting, person, consultation):
    return attendance.invite_people(meeting=meeting, people=[person], actor=None)[0]
