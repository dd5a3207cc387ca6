"""The demo's draft: the illustrative Cybercrime Law text, shipped in the package, published once."""

import pytest

from sala.demo.drafts_loader import FIXTURE, LABEL, load_draft
from sala.laws.models import DraftVersion
from tests.factories import UserFactory
from tests.support.shared import SHARED

pytestmark = pytest.mark.django_db


def test_the_draft_is_imported_and_published_once(demo_meeting):
    organiser = UserFactory()
    draft = load_draft(organiser)
    assert (draft.law.slug, draft.label, draft.status, draft.language) == (
        "cybercrime-law",
        "Draft V.1 (leaked, April 2014)",
        "published",
        "en",
    )
    assert draft.chapters.count() == 5 and draft.articles.count() == 15
    assert draft.articles.get(number="12").heading == "Content offences"
    assert load_draft(organiser) == draft
    assert DraftVersion.objects.filter(law=draft.law, label=LABEL).count() == 1


def test_the_fixture_is_the_shared_sample():
    shared = SHARED / "samples" / "draft-laws" / "cybercrime-illustrative-en.txt"
    if not shared.exists():
        pytest.skip("the shared samples are not here")
    assert FIXTURE.read_bytes() == shared.read_bytes()
