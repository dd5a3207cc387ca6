"""Draft versions through the services: import, correct, publish, discard and import again."""

import pytest

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.laws.models import Article, Chapter, DraftVersion
from sala.laws.services import drafts
from tests.factories import LawFactory, UserFactory
from tests.support.shared import SHARED

pytestmark = pytest.mark.django_db
SAMPLES = SHARED / "samples" / "draft-laws"

SHORT = """DRAFT LAW ON TESTING

CHAPTER 1
GENERAL

Article 1: Purpose
This law is a test.

Section 1: Details
Text of the section.

Article 2: Scope
It applies to tests.

CHAPTER 2
OTHER

Article 4: Gap
Number three is missing.
"""


def sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {path} is not here")
    return path.read_bytes()


@pytest.fixture
def law():
    return LawFactory()


@pytest.fixture
def user():
    return UserFactory()


def preview(law, user, text: str = SHORT, **kwargs) -> DraftVersion:
    return drafts.import_draft(law=law, text=text, label="Draft V.1", language="", actor=user, **kwargs)


def positions(draft: DraftVersion) -> list[tuple[int, str]]:
    return list(draft.articles.values_list("position", "number"))


def test_english_sample_gives_five_chapters_and_fifteen_articles(law, user):
    draft = drafts.import_draft(
        law=law,
        data=sample("cybercrime-illustrative-en.txt"),
        filename="cybercrime.txt",
        label="Draft V.1",
        language="",
        actor=user,
    )
    assert (draft.status, draft.language, draft.source_name) == ("preview", "en", "cybercrime.txt")
    assert draft.preamble.startswith("ILLUSTRATIVE DRAFT")
    first = draft.chapters.first()
    assert (first.position, first.number, first.heading) == (0, "1", "GENERAL PROVISIONS")
    assert draft.chapters.count() == 5
    assert positions(draft) == [(i, str(i + 1)) for i in range(15)]
    assert [c.articles.count() for c in draft.chapters.all()] == [3, 2, 3, 6, 1]
    twelve = draft.articles.get(number="12")
    assert (twelve.number_value, twelve.heading, twelve.chapter.number) == (12, "Content offences", "4")
    entry = AuditEntry.objects.get(action="draft.imported")
    assert (entry.scope, entry.target, entry.data["articles"]) == (
        f"laws.law:{law.pk}",
        f"laws.draftversion:{draft.pk}",
        15,
    )


def test_khmer_sample_gives_three_chapters_and_six_articles_in_khmer(law, user):
    draft = drafts.import_draft(
        law=law,
        data=sample("lango-illustrative-km.txt"),
        filename="lango.txt",
        label="V1",
        language="",
        actor=user,
    )
    assert draft.language == "km"
    assert list(draft.chapters.values_list("number", flat=True)) == ["១", "២", "៣"]
    assert [(a.number, a.number_value) for a in draft.articles.all()] == [
        (n, v) for v, n in enumerate("១២៣៤៥៦", 1)
    ]


def test_sections_go_into_the_articles_and_their_text_into_the_chapter(law, user):
    draft = preview(law, user)
    assert list(draft.articles.values_list("number", "section")) == [("1", ""), ("2", "1 Details"), ("4", "")]
    assert draft.chapters.first().text == "Section 1: Details\nText of the section."


def test_pasted_text_is_read_as_a_file_is(law, user):
    with pytest.raises(DomainError) as error:
        preview(law, user, text="  \n ")
    assert error.value.code == "document.no_text"
    with pytest.raises(DomainError) as error:
        drafts.import_draft(
            law=law, data=b"%PDF-1.4 broken", filename="x.pdf", label="V", language="", actor=user
        )
    assert error.value.code == "document.unreadable"
    assert DraftVersion.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_a_version_needs_a_name_and_replaces_only_a_version_of_its_law(law, user):
    with pytest.raises(DomainError) as error:
        drafts.import_draft(law=law, text=SHORT, label=" ", language="en", actor=user)
    assert error.value.code == "draft.no_label"
    other = preview(LawFactory(), user)
    with pytest.raises(DomainError) as error:
        preview(law, user, previous=other)
    assert error.value.code == "draft.previous_other_law"


def test_editing_keeps_positions_contiguous(law, user):
    draft = preview(law, user)
    first, second, fourth = draft.articles.all()
    added = drafts.add_article(draft=draft, actor=user, number="1 bis", text="Inserted.", after=first)
    assert (added.chapter_id, added.number_value) == (first.chapter_id, 1)
    assert positions(draft) == [(0, "1"), (1, "1 bis"), (2, "2"), (3, "4")]
    chapter_two = draft.chapters.get(number="2")
    drafts.add_article(draft=draft, actor=user, number="3", heading="Found", chapter=chapter_two)
    assert positions(draft) == [(0, "1"), (1, "1 bis"), (2, "2"), (3, "3"), (4, "4")]
    assert draft.articles.get(number="3").chapter == chapter_two
    drafts.add_article(draft=draft, actor=user, number="0", text="Before all chapters.")
    assert positions(draft)[0] == (0, "0") and draft.articles.get(number="0").chapter is None
    drafts.delete_article(article=Article.objects.get(pk=second.pk), actor=user)
    assert positions(draft) == [(0, "0"), (1, "1"), (2, "1 bis"), (3, "3"), (4, "4")]
    stale = Article.objects.get(pk=fourth.pk)  # read before the others moved
    Article.objects.filter(pk=first.pk).delete()  # as a concurrent request might
    drafts.update_article(article=stale, actor=user, number="4", heading="Gap", text="Changed.")
    stale.refresh_from_db()
    assert (stale.position, stale.text) == (4, "Changed.")  # the edit kept the stored position


def test_update_article_cleans_typed_text(law, user):
    article = preview(law, user).articles.first()
    drafts.update_article(
        article=article,
        actor=user,
        number=" 1 \u200b",
        heading=" Purpose ",
        text="\r\nLine one\u200b\r\nLine two  \r\n",
    )
    article.refresh_from_db()
    assert (article.number, article.number_value, article.heading, article.text) == (
        "1",
        1,
        "Purpose",
        "Line one\nLine two",
    )
    with pytest.raises(DomainError) as error:
        drafts.update_article(article=article, actor=user, number=" ", text="x")
    assert error.value.code == "article.no_number"
    assert AuditEntry.objects.filter(action="draft.article_changed").count() == 1


def test_update_chapter(law, user):
    chapter = preview(law, user).chapters.first()
    drafts.update_chapter(chapter=chapter, actor=user, number="I", heading="General provisions", text="")
    chapter.refresh_from_db()
    assert (chapter.number, chapter.heading, chapter.text) == ("I", "General provisions", "")


def test_published_version_is_read_only(law, user):
    draft = drafts.publish_draft(draft=preview(law, user), actor=user)
    assert draft.status == "published" and draft.published_at is not None
    article, chapter = draft.articles.first(), draft.chapters.first()
    attempts = [
        lambda: drafts.update_article(article=article, actor=user, number="9", text="Changed"),
        lambda: drafts.add_article(draft=draft, actor=user, number="9"),
        lambda: drafts.delete_article(article=article, actor=user),
        lambda: drafts.update_chapter(chapter=chapter, actor=user, number="9"),
        lambda: drafts.publish_draft(draft=draft, actor=user),
        lambda: drafts.discard_draft(draft=draft, actor=user),
    ]
    for attempt in attempts:
        with pytest.raises(DomainError) as error:
            attempt()
        assert error.value.code == "draft.not_editable"
    with pytest.raises(DomainError) as error:
        drafts.delete_draft(draft=draft, actor=user)
    assert error.value.code == "draft.not_discarded"
    assert positions(draft) == [(0, "1"), (1, "2"), (2, "4")]
    assert Article.objects.get(pk=article.pk).text == "This law is a test."


def test_a_version_without_articles_cannot_be_published(law, user):
    draft = preview(law, user, text="Just a preamble, no article.")
    with pytest.raises(DomainError) as error:
        drafts.publish_draft(draft=draft, actor=user)
    assert error.value.code == "draft.no_articles_to_publish"


def test_discard_then_delete_then_import_again(law, user):
    bad = preview(law, user, text="Article 1\nEverything in one article.")
    drafts.discard_draft(draft=bad, actor=user)
    bad.refresh_from_db()
    assert bad.status == "discarded"
    again = preview(law, user)
    drafts.delete_draft(draft=bad, actor=user)
    assert list(law.drafts.all()) == [again]
    assert Chapter.objects.filter(draft_id=bad.pk).count() == 0
    assert [e.action for e in AuditEntry.objects.order_by("pk")] == [
        "draft.imported",
        "draft.discarded",
        "draft.imported",
        "draft.deleted",
    ]


def test_script_language():
    assert drafts.script_language("មាត្រា ១២ (Article 12) ច្បាប់នេះអនុវត្តចំពោះសមាគម") == "km"
    assert drafts.script_language("Article 12 (មាត្រា ១២) This law applies to associations") == "en"


def test_a_heading_too_long_for_a_heading_is_kept_whole_as_the_start_of_the_text(law, user):
    sentence = "The Committee " + "shall act " * 60 + "at once"
    draft = preview(law, user, text=f"Article 1: {sentence}\nMore text.\n")
    article = draft.articles.get()
    assert (article.heading, article.text) == ("", f"{sentence}\nMore text.")
