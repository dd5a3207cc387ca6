"""Every organiser page of draft versions, for those who may not use it: nothing seen, nothing changed."""

import pytest

from sala.core.models import AuditEntry
from sala.laws.models import Article, Chapter, DraftVersion, Law
from sala.laws.services import drafts
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TEXT = "CHAPTER 1\nGENERAL\n\nArticle 1: Purpose\nA test.\n\nArticle 2: Scope\nEverywhere.\n"


@pytest.fixture
def versions(demo_meeting, organiser):
    """A published version and a preview of the demo consultation's law (`cybercrime-law`)."""
    law = Law.objects.get(slug="cybercrime-law")
    published = drafts.import_draft(law=law, text=TEXT, label="V1", language="en", actor=organiser)
    drafts.publish_draft(draft=published, actor=organiser)
    preview = drafts.import_draft(
        law=law, text=TEXT, label="V2", language="en", actor=organiser, previous=published
    )
    return law, published, preview


def organiser_urls(law: Law, published: DraftVersion, preview: DraftVersion) -> dict[str, list[str]]:
    base = f"/en/manage/laws/{law.slug}/drafts/"
    p = f"{base}{preview.pk}/"
    article = preview.articles.first()
    chapter = preview.chapters.first()
    return {
        "get": [
            base,
            base + "import/",
            p,
            p + "publish/",
            p + "discard/",
            p + "delete/",
            p + f"compare/{published.pk}/",
            p + "articles/add/",
            p + f"articles/{article.pk}/edit/",
            p + f"articles/{article.pk}/delete/",
            p + f"chapters/{chapter.pk}/edit/",
        ],
        "post": [
            base + "import/",
            p + "publish/",
            p + "discard/",
            p + "delete/",
            p + "articles/add/",
            p + f"articles/{article.pk}/edit/",
            p + f"articles/{article.pk}/delete/",
            p + f"chapters/{chapter.pk}/edit/",
        ],
    }


def snapshot():
    return (
        list(DraftVersion.objects.values_list("pk", "status", "label")),
        list(Article.objects.values_list("pk", "position", "number", "text")),
        list(Chapter.objects.values_list("pk", "number", "heading")),
        AuditEntry.objects.count(),
    )


def assert_locked_out(client, versions, expected: set[int]):
    before = snapshot()
    urls = organiser_urls(*versions)
    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code in expected, url
        assert "Everywhere." not in response.content.decode(), url
    for url in urls["post"]:
        data = {"label": "Hacked", "text": "Hacked", "number": "1", "heading": "Hacked"}
        assert client.post(url, data).status_code in expected, url
    assert snapshot() == before


def test_every_url_is_covered(versions):
    from sala.laws import urls_manage

    drafts_names = {
        p.name for p in urls_manage.urlpatterns if str(p.pattern).startswith("laws/<slug:slug>/drafts/")
    }
    assert len(drafts_names) == len(set(organiser_urls(*versions)["get"])) == 11


def test_anonymous_visitor_is_sent_to_login(client, versions):
    assert_locked_out(client, versions, {302})
    for url in organiser_urls(*versions)["get"]:
        assert client.get(url).url.startswith("/en/accounts/login/")


def test_participant_is_refused(client, participant, versions):
    client.force_login(participant)
    assert_locked_out(client, versions, {403})


def test_organiser_of_another_consultation_is_refused(client, other_organiser, versions):
    client.force_login(other_organiser)
    assert_locked_out(client, versions, {403})


def test_a_law_followed_discreetly_is_not_even_found(client, other_organiser, versions):
    Law.objects.filter(slug="cybercrime-law").update(is_public=False)
    client.force_login(other_organiser)
    assert_locked_out(client, versions, {404})


def test_the_organiser_and_a_superuser_get_in(client, organiser_client, versions):
    for url in organiser_urls(*versions)["get"]:
        assert organiser_client.get(url).status_code == 200, url
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(organiser_urls(*versions)["get"][2]).status_code == 200


def test_an_organiser_of_another_law_cannot_reach_this_one_through_their_own(
    client, other_organiser, versions
):
    """The law in the address decides; a draft of another law is not found under it."""
    own = other_organiser.organised_consultations.first().law
    client.force_login(other_organiser)
    _, _, preview = versions
    assert client.get(f"/en/manage/laws/{own.slug}/drafts/{preview.pk}/").status_code == 404
    assert client.post(f"/en/manage/laws/{own.slug}/drafts/{preview.pk}/publish/").status_code == 404
