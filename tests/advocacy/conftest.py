"""A consultation of our own with a draft and inputs, organised by the `organiser` fixture.

The demo consultation gains inputs and a draft from other parts of the demo, so counts are
checked on this one; its slug and a public meeting make it known to the public (403, not 404).
"""

import pytest
from django.core.cache import cache
from django.utils import timezone

from sala.laws.models import Article, DraftVersion
from sala.participation.models import Input
from sala.people.models import Organisation
from tests.factories import ConsultationFactory, MeetingFactory, OrganisationFactory, PersonFactory

SLUG = "digital-rights-2024"

# (number, heading, text)
ARTICLES = [
    ("5", "Powers of the Committee", "The Committee may order the removal of any content."),
    ("7", "Collection of traffic data", "Service providers shall retain traffic data for one year."),
    ("12", "Content offences", "Publishing content deemed to hinder sovereignty is punishable."),
    ("13", "False information", "Publishing false information that causes public fear is punishable."),
]

CAMPAIGN = (
    "We, the undersigned members of civil society, call on the Ministry to withdraw Article 12 of the "
    "draft Cybercrime Law. Its wording on content that hinders sovereignty or undermines the morality of "
    "the family is vague and broad, and could be used to punish journalists and ordinary citizens."
)
CAMPAIGN_KM = (
    "យើងខ្ញុំជាអង្គការសង្គមស៊ីវិល សូមស្នើឱ្យក្រសួងពាក់ព័ន្ធលុបមាត្រា១២ នៃសេចក្តីព្រាងច្បាប់ស្តីពីបទល្មើសតាម"
    "ប្រព័ន្ធបច្ចេកវិទ្យាព័ត៌មាន។ ពាក្យថារារាំងអធិបតេយ្យភាព និងប៉ះពាល់ដល់សីលធម៌គ្រួសារ មិនមាននិយមន័យច្បាស់លាស់ទេ។"
)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def make_draft(law, rows=ARTICLES, label="Draft V.3") -> DraftVersion:
    draft = DraftVersion.objects.create(
        law=law, label=label, language="en", status=DraftVersion.Status.PUBLISHED, published_at=timezone.now()
    )
    for position, (number, heading, text) in enumerate(rows):
        Article.objects.create(
            draft=draft,
            position=position,
            number=number,
            number_value=int(number),
            heading=heading,
            text=text,
        )
    return draft


@pytest.fixture
def consultation(organiser):
    """Ours, with its draft and a public meeting; the `organiser` organises it too."""
    consultation = ConsultationFactory(
        slug=SLUG, title_en="Consultation on the digital rights law", title_km="កិច្ចពិគ្រោះយោបល់លើច្បាប់សិទ្ធិឌីជីថល"
    )
    consultation.draft = make_draft(consultation.law)
    consultation.save()
    consultation.organisers.add(organiser)
    MeetingFactory(consultation=consultation)
    return consultation


def article(consultation, number: str) -> Article:
    return consultation.draft.articles.get(number=number)


def add_input(consultation, *, article=None, concern="expression", comment="A comment.", **fields) -> Input:
    return Input.objects.create(
        consultation=consultation,
        draft=consultation.draft,
        article=article,
        concern=concern,
        comment=comment,
        **fields,
    )


@pytest.fixture
def organisations() -> list[Organisation]:
    return [
        OrganisationFactory(name_en="Cambodian Center for Human Rights", acronym="CCHR"),
        OrganisationFactory(
            name_en="Cambodian Journalists Alliance", name_km="សម្ព័ន្ធអ្នកសារព័ត៌មាន", acronym="CamboJA"
        ),
        OrganisationFactory(name_en="Open Development Cambodia", acronym="ODC"),
    ]


@pytest.fixture
def people():
    """A consenting author, one who did not agree to be named."""
    return {
        "named": PersonFactory(name_en="Sok Consenting"),
        "private": PersonFactory(name_en="Chan Private"),
    }
