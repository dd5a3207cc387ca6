"""Organisers' draft pages: upload, preview, inline editing, publish, discard, compare."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from sala.core.errors import MESSAGES
from sala.core.models import AuditEntry
from sala.laws.models import Article, DraftVersion, Law
from sala.laws.services import drafts

pytestmark = pytest.mark.django_db
D = "/{lang}/manage/laws/cybercrime-law/drafts/"
HX = {"HTTP_HX_REQUEST": "true"}

TEXT = """DRAFT LAW ON CYBERCRIME

CHAPTER 1
GENERAL PROVISIONS

Article 1: Purpose
This law aims to prevent offences.

Article 3: Scope
This law applies in the Kingdom.

CHAPTER 2
OFFENCES

Article 4: False information
Publishing false information shall be punishable.
"""


def url(path: str = "", lang: str = "en") -> str:
    return D.format(lang=lang) + path


@pytest.fixture
def law(demo_meeting):
    return Law.objects.get(slug="cybercrime-law")


def import_preview(law, organiser, text: str = TEXT, label: str = "Draft V.2") -> DraftVersion:
    return drafts.import_draft(law=law, text=text, label=label, language="en", actor=organiser)


def snapshot():
    return DraftVersion.objects.count(), Article.objects.count(), AuditEntry.objects.count()


def test_upload_then_preview_then_edit_one_article_then_publish(organiser_client, law):
    response = organiser_client.post(
        url("import/"),
        {"label": "Draft V.2", "file": SimpleUploadedFile("draft.txt", TEXT.encode()), "language": ""},
    )
    draft = law.drafts.get(label="Draft V.2")
    assert response.status_code == 302 and response.url == url(f"{draft.pk}/")
    page = organiser_client.get(response.url).content.decode()
    assert "GENERAL PROVISIONS" in page and "Publishing false information" in page
    # The splitter's warning, with its line and a link to the article it is about.
    assert "Line 9: number 3 skips numbers (expected 2)." in page
    assert 'href="#article-3"' in page and 'id="article-3"' in page
    three = draft.articles.get(number="3")
    edit = url(f"{draft.pk}/articles/{three.pk}/edit/")
    assert f'hx-get="{edit}"' in page
    form = organiser_client.get(edit, **HX)
    assert (
        form.status_code == 200 and "<form" in form.content.decode() and "<html" not in form.content.decode()
    )
    saved = organiser_client.post(edit, {"number": "2", "heading": "Scope", "text": "It applies here."}, **HX)
    assert saved.status_code == 200
    assert 'id="article-2"' in saved.content.decode() and "It applies here." in saved.content.decode()
    three.refresh_from_db()
    assert (three.number, three.number_value, three.text) == ("2", 2, "It applies here.")
    assert organiser_client.get(url(f"{draft.pk}/publish/")).status_code == 200
    published = organiser_client.post(url(f"{draft.pk}/publish/"))
    assert published.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    page = organiser_client.get(url(f"{draft.pk}/")).content.decode()
    assert edit not in page and url(f"{draft.pk}/publish/") not in page


def test_plain_form_editing_without_javascript(organiser_client, law, organiser):
    draft = import_preview(law, organiser)
    one = draft.articles.get(number="1")
    edit = url(f"{draft.pk}/articles/{one.pk}/edit/")
    page = organiser_client.get(edit)
    assert page.status_code == 200 and "<html" in page.content.decode()
    response = organiser_client.post(edit, {"number": "1", "heading": "Aim", "text": "Changed."})
    assert response.status_code == 302 and response.url == url(f"{draft.pk}/#article-1")
    bad = organiser_client.post(edit, {"number": "", "heading": "Aim", "text": "Changed again."})
    assert bad.status_code == 422
    assert Article.objects.get(pk=one.pk).text == "Changed."


def test_adding_and_deleting_articles_keeps_positions(organiser_client, law, organiser):
    draft = import_preview(law, organiser)
    one = draft.articles.get(number="1")
    add = url(f"{draft.pk}/articles/add/")
    assert organiser_client.get(add + f"?after={one.pk}", **HX).status_code == 200
    response = organiser_client.post(add, {"after": one.pk, "number": "2", "text": "Found again."}, **HX)
    assert response.status_code == 200 and 'id="draft-body"' in response.content.decode()
    bad = organiser_client.post(add, {"after": one.pk, "number": "", "text": "No number."}, **HX)
    assert bad.status_code == 422 and bad["HX-Retarget"] == "#add-article"
    chapter = draft.chapters.get(number="2")
    response = organiser_client.post(add, {"chapter": chapter.pk, "number": "3 bis", "text": "First of 2."})
    assert response.status_code == 302 and response.url.endswith("#article-3-bis")
    assert list(draft.articles.values_list("position", "number")) == [
        (0, "1"),
        (1, "2"),
        (2, "3"),
        (3, "3 bis"),
        (4, "4"),
    ]
    assert organiser_client.get(add + "?after=nonsense").status_code == 404
    two = draft.articles.get(number="2")
    assert organiser_client.get(url(f"{draft.pk}/articles/{two.pk}/delete/")).status_code == 200
    assert organiser_client.post(url(f"{draft.pk}/articles/{two.pk}/delete/")).status_code == 302
    assert list(draft.articles.values_list("position", flat=True)) == [0, 1, 2, 3]


def test_chapter_editing_inline(organiser_client, law, organiser):
    draft = import_preview(law, organiser)
    chapter = draft.chapters.get(number="2")
    edit = url(f"{draft.pk}/chapters/{chapter.pk}/edit/")
    assert "<html" not in organiser_client.get(edit, **HX).content.decode()
    response = organiser_client.post(edit, {"number": "II", "heading": "Offences", "text": ""}, **HX)
    assert response.status_code == 200 and 'id="chapter-ii"' in response.content.decode()
    chapter.refresh_from_db()
    assert (chapter.number, chapter.heading) == ("II", "Offences")


def test_a_published_version_refuses_edits_with_the_reason(organiser_client, law, organiser):
    draft = drafts.publish_draft(draft=import_preview(law, organiser), actor=organiser)
    one = draft.articles.get(number="1")
    before = snapshot()
    response = organiser_client.post(
        url(f"{draft.pk}/articles/{one.pk}/edit/"), {"number": "1", "heading": "Hacked", "text": "Hacked"}
    )
    assert response.status_code == 422
    assert str(MESSAGES["draft.not_editable"]) in response.content.decode()
    assert organiser_client.post(url(f"{draft.pk}/discard/")).status_code == 422
    assert organiser_client.post(url(f"{draft.pk}/delete/")).status_code == 422
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("draft.docx", b"not a zip", "document.unreadable"),
        ("draft.doc", b"old word", "document.unsupported_type"),
        ("draft.txt", b"", "document.empty"),
    ],
)
def test_a_bad_file_is_refused_in_the_users_language_and_nothing_is_saved(
    organiser_client, law, name, content, code
):
    before = snapshot()
    response = organiser_client.post(
        url("import/", lang="km"), {"label": "V", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 422
    with translation.override("km"):
        message = str(MESSAGES[code])
    with translation.override("en"):
        assert message != str(MESSAGES[code])
    assert message in response.content.decode()
    assert snapshot() == before


def test_too_large_a_file_is_refused_by_its_size_before_it_is_read(organiser_client, law, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("sala.laws.forms_drafts.MAX_BYTES", 10)
    monkeypatch.setattr("sala.laws.services.drafts.read_document", never)
    before = snapshot()
    response = organiser_client.post(
        url("import/"), {"label": "V", "file": SimpleUploadedFile("d.txt", b"x" * 11)}
    )
    assert response.status_code == 422 and str(MESSAGES["document.too_large"]) in response.content.decode()
    response = organiser_client.post(url("import/"), {"label": "V", "text": "x" * 11})
    assert response.status_code == 422 and str(MESSAGES["document.too_large"]) in response.content.decode()
    assert snapshot() == before


def test_pasted_text_and_nothing_given(organiser_client, law):
    response = organiser_client.post(url("import/"), {"label": "Pasted", "text": TEXT})
    assert response.status_code == 302
    assert law.drafts.get(label="Pasted").source_name == ""
    response = organiser_client.post(url("import/"), {"label": "Nothing"})
    assert response.status_code == 422 and "Choose a file or paste the text" in response.content.decode()


def test_discard_leads_to_importing_again_with_the_same_name(organiser_client, law, organiser):
    draft = import_preview(law, organiser, label="Bad import")
    assert organiser_client.get(url(f"{draft.pk}/discard/")).status_code == 200
    response = organiser_client.post(url(f"{draft.pk}/discard/"))
    assert response.url == url(f"import/?again={draft.pk}")
    assert 'value="Bad import"' in organiser_client.get(response.url).content.decode()
    assert organiser_client.post(url(f"{draft.pk}/delete/")).url == url()
    assert not DraftVersion.objects.filter(pk=draft.pk).exists()


def test_list_and_compare(organiser_client, law, organiser):
    old = drafts.publish_draft(draft=import_preview(law, organiser, label="Old"), actor=organiser)
    changed = TEXT.replace(
        "false information shall be punishable.", "false news shall be punishable by prison."
    )
    new = drafts.import_draft(
        law=law, text=changed, label="New", language="en", actor=organiser, previous=old
    )
    listing = organiser_client.get(url()).content.decode()
    assert "Old" in listing and "New" in listing and url(f"{new.pk}/compare/{old.pk}/") in listing
    for pair in [(new.pk, old.pk), (old.pk, new.pk)]:  # the older one is always on the left
        page = organiser_client.get(url("{}/compare/{}/".format(*pair))).content.decode()
        assert "false <del>information</del> shall" in page and "false <ins>news</ins> shall" in page
        assert "punishable<ins> by prison</ins>." in page
        assert page.index("Old") < page.index("New")
    assert organiser_client.get(url(f"{new.pk}/compare/999999/")).status_code == 404


def test_a_draft_of_another_law_is_not_found_here(organiser_client, law, organiser):
    other_law = Law.objects.create(slug="other-law", title_en="Other")
    other = drafts.import_draft(law=other_law, text=TEXT, label="X", language="en", actor=organiser)
    assert organiser_client.get(url(f"{other.pk}/")).status_code == 404
