"""The organiser screens of the law tracker: who gets in, and what a refused change looks like.

The URLs are read from the URLconf (the tracker's names), so a new screen is covered too.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sala.core.models import AuditEntry
from sala.demo.laws_loader import load_laws
from sala.laws import urls_manage
from sala.laws.models import Analysis, Law, LawStage
from sala.laws.services import tracker
from tests.factories import ConsultationFactory, LawFactory, UserFactory

pytestmark = pytest.mark.django_db
SLUG = "cybercrime-law"
TRACKER_URLS = {"law_list", "law_create", "law_edit", "stage_add", "stage_edit", "stage_delete",
                "analysis_add", "analysis_delete"}  # fmt: skip
WHOLE_TRACKER = {"law_list", "law_create"}  # the others are about one law
HACK = {"title_en": "Hacked", "slug": "hacked", "stage": "senate", "date": "2014-01-01", "precision": "day",
        "sensitivity": "low", "public_consultation": "yes", "url": "https://x.org"}  # fmt: skip


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def law(organiser) -> Law:
    load_laws(organiser)
    return Law.objects.get(slug=SLUG)


def tracker_urls(law: Law) -> dict[str, str]:
    ids = {"slug": law.slug, "pk": None}
    urls = {}
    for pattern in urls_manage.urlpatterns:
        if pattern.name not in TRACKER_URLS:
            continue
        target = Analysis if pattern.name.startswith("analysis") else LawStage
        ids["pk"] = target.objects.filter(law=law).first().pk
        kwargs = {name: ids[name] for name in pattern.pattern.converters}
        urls[pattern.name] = reverse(f"laws_manage:{pattern.name}", kwargs=kwargs)
    assert set(urls) == TRACKER_URLS
    return urls


def state():
    return (
        list(Law.objects.values_list("slug", "title_en", "updated_at")),
        list(LawStage.objects.values_list("pk", "date", "stage")),
        list(Analysis.objects.values_list("pk", "title_en")),
        AuditEntry.objects.count(),
    )


def assert_locked_out(client, law, statuses, names=TRACKER_URLS):
    before = state()
    for name, url in tracker_urls(law).items():
        if name not in names:
            continue
        for method in (client.get, client.post):
            response = method(url, HACK) if method == client.post else method(url)
            assert response.status_code in statuses, (method.__name__, url, response.status_code)
    assert state() == before


def test_anonymous_is_sent_to_login(client, law):
    assert_locked_out(client, law, {302})
    assert client.get(reverse("laws_manage:law_list")).url.startswith("/en/accounts/login/")


def test_a_participant_gets_nothing(client, participant, law):
    client.force_login(participant)
    assert_locked_out(client, law, {403, 404})


def test_an_organiser_of_another_consultation_cannot_touch_this_law(client, other_organiser, law):
    client.force_login(other_organiser)
    assert_locked_out(client, law, {403, 404}, names=TRACKER_URLS - WHOLE_TRACKER)
    listing = client.get(reverse("laws_manage:law_list")).content.decode()
    assert law.title_en not in listing  # they see the laws of their own consultations only


def test_a_law_followed_discreetly_is_hidden_not_forbidden(client, other_organiser, law):
    Law.objects.filter(pk=law.pk).update(is_public=False)
    client.force_login(other_organiser)
    assert_locked_out(client, law, {404}, names=TRACKER_URLS - WHOLE_TRACKER)


def test_the_organiser_sees_every_screen(organiser_client, law):
    for name, url in tracker_urls(law).items():
        assert organiser_client.get(url).status_code == 200, name
    ConsultationFactory(law=Law.objects.get(slug="trade-unions"))  # another coalition's work
    listing = organiser_client.get(reverse("laws_manage:law_list")).content.decode()
    assert law.title_en in listing and "Trade Unions" not in listing
    assert "Law on Associations" in listing  # no consultation has it yet: the shared tracker's


def test_a_superuser_may_change_any_law(client, law):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(reverse("laws_manage:law_edit", args=["trade-unions"])).status_code == 200


def test_the_dashboard_and_the_site_header_link_to_the_laws(organiser_client, law):
    html = organiser_client.get("/en/manage/").content.decode()
    assert 'href="/en/manage/laws/"' in html and 'href="/en/laws/"' in html


# --- Changing a law -----------------------------------------------------------------------


def law_form(law: Law, **changes) -> dict:
    fields = {name: getattr(law, name) for name in tracker.LAW_FIELDS}
    return {name: value for name, value in {**fields, **changes}.items() if value is not False}


def test_edit_a_law(organiser_client, law):
    url = reverse("laws_manage:law_edit", args=[SLUG])
    response = organiser_client.post(url, law_form(law, ministry_en="Ministry of Justice"))
    assert response.status_code == 302 and response.url == url
    assert Law.objects.get(pk=law.pk).ministry_en == "Ministry of Justice"


def test_a_refused_law_change_says_why_and_changes_nothing(organiser_client, law):
    url = reverse("laws_manage:law_edit", args=[SLUG])
    before = state()
    taken = organiser_client.post(url, law_form(law, slug="trade-unions"))
    untitled = organiser_client.post(url, law_form(law, title_en="", title_km=""))
    assert taken.status_code == untitled.status_code == 422
    assert "Another law already uses this web address." in taken.content.decode()
    assert "Give the law a title in English or in Khmer." in untitled.content.decode()
    assert f"<h1>{law.title_en}</h1>" in taken.content.decode()  # the page keeps its own name
    assert state() == before


def test_a_new_law_opens_for_its_stages_while_no_consultation_has_it(organiser_client, law):
    response = organiser_client.post(
        reverse("laws_manage:law_create"),
        {
            "slug": "press-law",
            "title_en": "Press Law",
            "sensitivity": "medium",
            "public_consultation": "unknown",
            "is_public": "on",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("laws_manage:law_edit", args=["press-law"])
    assert "Now record its stages." in response.content.decode()
    assert Law.objects.get(slug="press-law").is_public


# --- Stages -------------------------------------------------------------------------------


def test_add_edit_and_delete_a_stage(organiser_client, law):
    count = law.stages.count()
    response = organiser_client.post(
        reverse("laws_manage:stage_add", args=[SLUG]),
        {"stage": "council_of_ministers", "date": "2024-05-20", "precision": "month", "note_en": "Sent on."},
    )
    assert response.status_code == 302
    stage = law.stages.latest("date")
    assert (stage.stage, stage.date.isoformat()) == ("council_of_ministers", "2024-05-01")
    edit = reverse("laws_manage:stage_edit", args=[SLUG, stage.pk])
    form = organiser_client.get(edit).content.decode()
    assert 'value="2024-05-01"' in form
    organiser_client.post(edit, {"stage": "senate", "date": "2024-05-01", "precision": "year"})
    stage.refresh_from_db()
    assert (stage.stage, stage.date.isoformat()) == ("senate", "2024-01-01")
    delete = reverse("laws_manage:stage_delete", args=[SLUG, stage.pk])
    assert "Senate, 2024" in organiser_client.get(delete).content.decode()
    assert organiser_client.post(delete).status_code == 302
    assert law.stages.count() == count


def test_a_stage_in_the_future_comes_back_with_the_reason(organiser_client, law):
    before = state()
    response = organiser_client.post(
        reverse("laws_manage:stage_add", args=[SLUG]),
        {"stage": "senate", "date": "2999-01-01", "precision": "day"},
    )
    assert response.status_code == 422
    assert "A stage cannot be dated in the future" in response.content.decode()
    assert state() == before


# --- Analyses -----------------------------------------------------------------------------


def upload(organiser_client, file, title="Our analysis"):
    return organiser_client.post(
        reverse("laws_manage:analysis_add", args=[SLUG]), {"title_en": title, "file": file}
    )


@pytest.mark.parametrize(
    "file, message",
    [
        (SimpleUploadedFile("analysis.pdf", b"MZ\x90\x00 a renamed program"), "Only PDF and Word (.docx)"),
        (SimpleUploadedFile("tool.exe", b"MZ\x90\x00 a program"), "Only PDF and Word (.docx)"),
        (SimpleUploadedFile("big.pdf", b"%PDF-1.7" + b"0" * tracker.ANALYSIS_MAX_BYTES), "larger than 20 MB"),
    ],
)
def test_an_upload_refused_says_why_and_saves_nothing(organiser_client, law, media, file, message):
    before = state()
    response = upload(organiser_client, file)
    assert response.status_code == 422 and message in response.content.decode()
    assert state() == before and not any(p.is_file() for p in media.rglob("*"))


def test_an_uploaded_pdf_is_downloaded_from_the_public_page(organiser_client, client, law, media):
    assert (
        upload(organiser_client, SimpleUploadedFile("my analysis.pdf", b"%PDF-1.7 text")).status_code == 302
    )
    analysis = Analysis.objects.get(title_en="Our analysis")
    page = client.get(f"/en/laws/{SLUG}/").content.decode()
    href = reverse("laws:analysis_file", args=[SLUG, analysis.pk])
    assert f'href="{href}"' in page
    response = client.get(href)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7 text"
    assert response["Content-Disposition"] == f'attachment; filename="{SLUG}-analysis-{analysis.pk}.pdf"'


def test_a_link_analysis_and_its_removal(organiser_client, law):
    response = organiser_client.post(
        reverse("laws_manage:analysis_add", args=[SLUG]),
        {"title_en": "Linked", "url": "example.org/analysis"},
    )
    assert response.status_code == 302
    analysis = Analysis.objects.get(title_en="Linked")
    assert analysis.url == "https://example.org/analysis"
    delete = reverse("laws_manage:analysis_delete", args=[SLUG, analysis.pk])
    assert "“Linked” will be removed" in organiser_client.get(delete).content.decode()
    organiser_client.post(delete)
    assert not Analysis.objects.filter(pk=analysis.pk).exists()


def test_neither_file_nor_link_is_refused(organiser_client, law):
    response = organiser_client.post(
        reverse("laws_manage:analysis_add", args=[SLUG]), {"title_en": "Nothing"}
    )
    assert response.status_code == 422 and "one of the two, not both" in response.content.decode()


def test_a_stage_of_another_law_is_not_found(organiser_client, law):
    other = LawFactory()
    stage = tracker.add_stage(law=other, actor=None, stage="drafting", date=law.stages.first().date)
    assert organiser_client.get(reverse("laws_manage:stage_edit", args=[SLUG, stage.pk])).status_code == 404
