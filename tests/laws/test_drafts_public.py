"""The public text of a published version: anchors, contents, cheap to serve, published only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sala.laws.services import drafts
from tests.factories import LawFactory, UserFactory

pytestmark = pytest.mark.django_db
TEXT = """PREAMBLE LINE

CHAPTER 1
GENERAL

Article 1: Purpose
This law is a test.

Article 12 bis: Inserted
A later article.

CHAPTER 2
OTHER

Section 1: Details
Article 13: Third
Line one.
Line two.
"""


@pytest.fixture
def law():
    return LawFactory(slug="test-law", title_en="Test Law")


@pytest.fixture
def published(law):
    user = UserFactory()
    draft = drafts.import_draft(law=law, text=TEXT, label="Draft V.1", language="en", actor=user)
    return drafts.publish_draft(draft=draft, actor=user)


def page_url(draft) -> str:
    return f"/en/laws/{draft.law.slug}/drafts/{draft.pk}/"


def test_text_with_contents_and_anchors(client, published):
    response = client.get(page_url(published))
    page = response.content.decode()
    assert response.status_code == 200
    for anchor in ("chapter-1", "chapter-2", "article-1", "article-12-bis", "article-13"):
        assert f'id="{anchor}"' in page and f'href="#{anchor}"' in page
    assert "Article 12 bis: Inserted" in page and "Section 1 Details" in page
    assert "Line one.<br>Line two." in page and "PREAMBLE LINE" in page
    assert '<div lang="en">' in page


def test_khmer_draft_shows_khmer_numbers_and_anchors_in_latin_digits(client, law):
    user = UserFactory()
    text = "ជំពូកទី១\nបទប្បញ្ញត្តិទូទៅ\n\nមាត្រា ១២\nច្បាប់នេះ។\n"
    draft = drafts.publish_draft(
        draft=drafts.import_draft(law=law, text=text, label="V1", language="", actor=user), actor=user
    )
    page = client.get(f"/km/laws/{law.slug}/drafts/{draft.pk}/").content.decode()
    assert 'id="article-12"' in page and 'id="chapter-1"' in page and '<div lang="km">' in page


def test_only_published_versions_of_public_laws_are_shown(client, law, published):
    user = UserFactory()
    preview = drafts.import_draft(law=law, text=TEXT, label="Preview", language="en", actor=user)
    discarded = drafts.discard_draft(
        draft=drafts.import_draft(law=law, text=TEXT, label="Bad", language="en", actor=user), actor=user
    )
    assert client.get(page_url(preview)).status_code == 404
    assert client.get(page_url(discarded)).status_code == 404
    assert client.get(f"/en/laws/other-law/drafts/{published.pk}/").status_code == 404
    client.force_login(user)  # not even for someone signed in
    assert client.get(page_url(preview)).status_code == 404
    client.logout()
    law.is_public = False
    law.save()
    assert client.get(page_url(published)).status_code == 404


def test_a_fixed_number_of_queries_and_a_304_for_a_repeat_visit(client, published, law):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page_url(published))
    assert len(queries) == 3  # the version with its law, its chapters, its articles
    etag = response["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(page_url(published), headers={"If-None-Match": etag})
    assert again.status_code == 304 and len(queries) == 1
    assert client.get(page_url(published).replace("/en/", "/km/"))["ETag"] != etag  # per language
    law.title_en = "Renamed"
    law.save()
    assert client.get(page_url(published), headers={"If-None-Match": etag}).status_code == 200


def test_signed_in_visitors_get_a_page_of_their_own(client, published):
    client.force_login(UserFactory())
    response = client.get(page_url(published))
    assert response.status_code == 200 and "ETag" not in response
