"""Materials of agenda items: organisers and facilitators add and remove them, the public page
lists them (cached, in a fixed number of queries), and each way in sends the file to whoever
may have it, as the type detected at upload."""

import io
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from pypdf import PdfReader

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.demo.materials_loader import load_materials
from sala.meetings import queries
from sala.meetings.models import AgendaItem, Facilitator, Material
from sala.meetings.services import delete_agenda_item
from sala.meetings.services.materials import add_material, remove_material
from tests.factories import AgendaItemFactory, FacilitatorFactory, MeetingFactory
from tests.support import sample_files as files

pytestmark = pytest.mark.django_db
SLUG = "cybercrime-law-2014"
PAGE = f"/en/meetings/{SLUG}/"
MANAGE = f"/en/manage/meetings/{SLUG}/"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()  # cached public pages
    return tmp_path


@pytest.fixture
def session(demo_meeting) -> AgendaItem:
    """Session 1, with three facilitators."""
    return demo_meeting.agenda_items.get(kind="session")


@pytest.fixture
def speaker(session) -> Facilitator:
    return session.facilitators.get(person__name_en="Andrew Banome")


def add(item, name="Key findings.pdf", data=None, **who) -> Material:
    return add_material(item=item, upload=files.upload(name, data or files.pdf()), title="", **who)


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


# --- Services ------------------------------------------------------------------------------


def test_adding_and_removing_are_audited_and_the_file_goes_after_the_commit(
    session, organiser, media, django_capture_on_commit_callbacks
):
    material = add(session, actor=organiser)
    assert (material.uploaded_by, material.uploaded_by_facilitator) == (organiser, None)
    entry = AuditEntry.objects.get(action="material.added")
    assert (entry.scope, entry.target, entry.actor) == (
        f"meetings.meeting:{session.meeting_id}",
        f"meetings.material:{material.pk}",
        organiser,
    )
    assert entry.data["title"] == "Key findings" and entry.data["file"] == "Key findings.pdf"
    assert entry.data["item"]["en"] == "Session 1: Presentations"
    with django_capture_on_commit_callbacks(execute=True):
        remove_material(material=material, actor=organiser)
        assert stored_files(media), "the file stays until the removal is committed"
    assert not Material.objects.exists() and not stored_files(media)
    removed = AuditEntry.objects.get(action="material.removed")
    assert (removed.actor, removed.data["file"]) == (organiser, "Key findings.pdf")


def test_a_facilitator_adds_to_their_own_item_and_removes_only_their_own(session, speaker, organiser):
    theirs = add(session, "slides.pdf", facilitator=speaker)
    assert (theirs.uploaded_by, theirs.uploaded_by_facilitator) == (None, speaker)
    entry = AuditEntry.objects.get(action="material.added")
    assert entry.actor is None and entry.actor_label == str(speaker.person)
    organisers = add(session, "note.docx", files.docx(), actor=organiser)
    other_item = session.meeting.agenda_items.exclude(pk=session.pk).first()
    with pytest.raises(DomainError) as refused:
        add(other_item, facilitator=speaker)
    assert refused.value.code == "material.not_your_item"
    with pytest.raises(DomainError) as refused:
        remove_material(material=organisers, facilitator=speaker)
    assert refused.value.code == "material.not_yours"
    remove_material(material=theirs, facilitator=speaker)
    assert list(Material.objects.all()) == [organisers]


def test_a_facilitator_who_declined_cannot_add_materials(client, session, speaker, media):
    speaker.status = "declined"
    speaker.save()
    with pytest.raises(DomainError) as refused:
        add(session, "slides.pdf", facilitator=speaker)
    assert refused.value.code == "material.declined"
    html = client.get(f"/en/f/{speaker.token}/").content.decode()
    assert "You declined this item" in html and f"/f/{speaker.token}/materials/" not in html
    response = client.post(
        f"/en/f/{speaker.token}/materials/", {"file": files.upload("slides.pdf", files.pdf())}
    )
    assert response.status_code == 422 and "You declined to facilitate this item" in response.content.decode()
    assert not Material.objects.exists() and not stored_files(media)


def test_a_facilitators_uploads_are_bounded_per_hour(session, speaker, media, settings):
    settings.SALA_MATERIAL_LIMIT_PER_FACILITATOR = 2
    add(session, "one.pdf", facilitator=speaker)
    add(session, "two.pdf", facilitator=speaker)
    with pytest.raises(DomainError) as refused:
        add(session, "three.pdf", facilitator=speaker)
    assert refused.value.code == "material.too_many" and "at most 2 an hour" in refused.value.message
    assert Material.objects.count() == 2 and len(stored_files(media)) == 2
    other = session.facilitators.exclude(pk=speaker.pk).first()
    add(session, "theirs.pdf", facilitator=other)  # each link counts on its own


def test_deleting_an_item_deletes_its_materials_files_after_the_commit(
    session, organiser, media, django_capture_on_commit_callbacks
):
    kept = add(session.meeting.agenda_items.get(kind="closing"), "kept.pdf")
    add(session, "a.pdf", facilitator=session.facilitators.first())
    add(session, "b.docx", files.docx(), actor=organiser)
    with django_capture_on_commit_callbacks(execute=True):
        delete_agenda_item(item=session, actor=organiser)
        assert len(stored_files(media)) == 3
    assert list(Material.objects.all()) == [kept] and stored_files(media) == [media / kept.file.name]


def test_removing_twice_records_one_removal(session, organiser):
    material = add(session, actor=organiser)
    stale = Material.objects.get(pk=material.pk)
    remove_material(material=material, actor=organiser)
    remove_material(material=stale, actor=organiser)  # a second click, another tab
    assert AuditEntry.objects.filter(action="material.removed").count() == 1


def test_an_items_materials_come_in_upload_order_in_one_query(demo_meeting, session):
    first, second = add(session, "a.pdf"), add(session, "b.pdf")
    with CaptureQueriesContext(connection) as captured:
        assert queries.materials_of(session) == [first, second]
    assert len(captured) == 1


# --- The public page -----------------------------------------------------------------------


def test_the_public_page_lists_materials_in_the_same_number_of_queries(client, demo_meeting, session):
    with CaptureQueriesContext(connection) as without:
        client.get(PAGE)
    for item in demo_meeting.agenda_items.all()[:4]:
        add(item, "slides.pdf")
        add(item, "note.docx", files.docx())
    cache.clear()
    with CaptureQueriesContext(connection) as with_materials:
        html = client.get(PAGE).content.decode()
    assert len(with_materials) == len(without) <= 10
    material = Material.objects.filter(item=session).first()
    assert f'href="/en/meetings/{SLUG}/materials/{material.pk}/slides.pdf"' in html
    assert html.count('class="materials small"') == 4
    assert "(PDF document, " in html and "(Word document, " in html


def test_adding_or_removing_a_material_renews_the_cached_page(
    client, session, organiser, django_capture_on_commit_callbacks
):
    etag = client.get(PAGE)["ETag"]
    assert client.get(PAGE, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        material = add(session, "Key findings.pdf", actor=organiser)
    response = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and ">Key findings</a>" in response.content.decode()
    etag = response["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        remove_material(material=material, actor=organiser)
    response = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and ">Key findings</a>" not in response.content.decode()


# --- Downloads and who may have them -------------------------------------------------------


def test_a_pdf_opens_in_the_browser_and_other_files_download_under_their_own_name(client, session):
    pdf = add(session, "Key findings.pdf")
    response = client.get(f"/en/meetings/{SLUG}/materials/{pdf.pk}/Key%20findings.pdf")
    assert response.status_code == 200 and b"".join(response.streaming_content) == files.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Key findings.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")
    assert int(response["Content-Length"]) == len(files.pdf())
    note = add(session, "សេចក្តីសង្ខេប.docx", files.docx())
    response = client.get(f"/en/meetings/{SLUG}/materials/{note.pk}/x")
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote('សេចក្តីសង្ខេប.docx')}"
    quoted = add(session, 'say "no".txt', b"plain text")
    response = client.get(f"/en/meetings/{SLUG}/materials/{quoted.pk}/x")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="say \\"no\\".txt"'


def test_a_material_whose_file_is_gone_is_not_found(client, session, media):
    material = add(session)
    for path in stored_files(media):
        path.unlink()
    assert client.get(f"/en/meetings/{SLUG}/materials/{material.pk}/x.pdf").status_code == 404


@pytest.fixture
def private_meeting(db):
    meeting = MeetingFactory(slug="closed-door", visibility="invitation")
    return meeting, AgendaItemFactory(meeting=meeting)


def test_who_gets_the_materials_of_a_public_and_of_an_invitation_only_meeting(
    client, session, private_meeting, organiser, other_organiser, speaker
):
    meeting, item = private_meeting
    meeting.consultation.organisers.add(organiser)
    public, closed = add(session), add(item)
    public_url = f"/en/meetings/{SLUG}/materials/{public.pk}/x.pdf"
    closed_url = f"/en/meetings/closed-door/materials/{closed.pk}/x.pdf"
    assert client.get(public_url).status_code == 200
    assert client.get(closed_url).status_code == 404
    assert client.get(f"/en/meetings/{SLUG}/materials/{closed.pk}/x.pdf").status_code == 404  # other meeting
    client.force_login(other_organiser)
    assert (client.get(public_url).status_code, client.get(closed_url).status_code) == (200, 404)
    client.force_login(organiser)
    assert (client.get(public_url).status_code, client.get(closed_url).status_code) == (200, 200)
    client.logout()
    closed_speaker = FacilitatorFactory(item=item)
    assert client.get(f"/en/f/{closed_speaker.token}/materials/{closed.pk}/x.pdf").status_code == 200
    assert client.get(f"/en/f/{speaker.token}/materials/{closed.pk}/x.pdf").status_code == 404
    response = client.get(f"/en/f/{speaker.token}/materials/{public.pk}/x.pdf")
    assert response.status_code == 200 and response["Referrer-Policy"] == "no-referrer"
    assert client.get(f"/en/f/not-a-token/materials/{public.pk}/x.pdf").status_code == 404


def test_an_invitation_only_meetings_page_links_organisers_to_its_materials(
    client, private_meeting, organiser
):
    meeting, item = private_meeting
    meeting.consultation.organisers.add(organiser)
    material = add(item, "brief.pdf")
    client.force_login(organiser)
    html = client.get("/en/meetings/closed-door/").content.decode()
    assert f'href="/en/meetings/closed-door/materials/{material.pk}/brief.pdf"' in html


# --- Organisers' screens -------------------------------------------------------------------


def test_the_agenda_links_each_item_to_its_materials(organiser_client, session):
    add(session)
    add(session, "b.pdf")
    html = organiser_client.get(MANAGE + "agenda/").content.decode()
    assert f'href="{MANAGE}agenda/{session.pk}/materials/">2 materials</a>' in html
    assert html.count(">Materials</a>") == AgendaItem.objects.filter(meeting=session.meeting).count() - 1


def test_an_organiser_uploads_and_removes_a_material(organiser_client, organiser, session, media):
    url = MANAGE + f"agenda/{session.pk}/materials/"
    page = organiser_client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in page and "No material yet." in page
    response = organiser_client.post(
        url, {"file": files.upload("Findings.pdf", files.pdf()), "title": "Key findings"}, follow=True
    )
    assert response.redirect_chain == [(url, 302)]
    material = Material.objects.get()
    assert (material.title, material.uploaded_by) == ("Key findings", organiser)
    html = response.content.decode()
    assert "The material is added." in html and "Findings.pdf" in html and organiser.username in html
    remove = MANAGE + f"materials/{material.pk}/remove/"
    assert f'href="{remove}"' in html
    assert "“Key findings” will be removed." in organiser_client.get(remove).content.decode()
    response = organiser_client.post(remove, follow=True)
    assert response.redirect_chain == [(url, 302)] and "The material is removed." in response.content.decode()
    assert not Material.objects.exists()


def test_a_refused_upload_keeps_the_page_and_says_why(organiser_client, session, media):
    add(session, "kept.pdf")
    url = MANAGE + f"agenda/{session.pk}/materials/"
    response = organiser_client.post(url, {"file": files.upload("findings.pdf", files.exe()), "title": "X"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "This file is none of them, whatever its name says." in html
    assert 'value="X"' in html and "kept.pdf" in html  # the title typed and what was there stay
    assert Material.objects.count() == 1 and len(stored_files(media)) == 1
    response = organiser_client.post(url, {"title": "No file"})
    assert response.status_code == 422 and "Choose a file to upload." in response.content.decode()
    empty = organiser_client.post(url, {"file": files.upload("e.pdf", b"")})
    assert empty.status_code == 422 and "The file is empty." in empty.content.decode()


def test_an_upload_over_the_limit_gets_a_clear_message_not_an_error_page(organiser_client, session, settings):
    """20 MB and a byte: more than Django keeps in memory (it goes to a temporary file) and more
    than DATA_UPLOAD_MAX_MEMORY_SIZE, which does not count files: the service says what is wrong."""
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < 20 * 1024 * 1024
    big = b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024 - 8)
    response = organiser_client.post(
        MANAGE + f"agenda/{session.pk}/materials/", {"file": files.upload("big.pdf", big), "title": ""}
    )
    assert response.status_code == 422
    assert "The file is larger than 20 MB. Upload a smaller file." in response.content.decode()
    assert not Material.objects.exists()


def test_material_screens_are_for_the_meetings_organisers_only(client, session, other_organiser, participant):
    material = add(session)
    urls = [MANAGE + f"agenda/{session.pk}/materials/", MANAGE + f"materials/{material.pk}/remove/"]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login
    for user in (other_organiser, participant):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, url  # the meeting is public: no secret to keep
            post = client.post(url, {"file": files.upload("x.pdf", files.pdf())})
            assert post.status_code == 403, url
    assert list(Material.objects.all()) == [material]


# --- Facilitators, by their link -----------------------------------------------------------


def test_a_facilitator_uploads_on_their_page_and_removes_only_their_own(
    client, session, speaker, organiser, media
):
    organisers = add(session, "Agenda note.docx", files.docx(), actor=organiser)
    page = f"/en/f/{speaker.token}/"
    html = client.get(page).content.decode()
    assert "Materials for this item" in html and "anyone can download them" in html
    assert f'href="/en/f/{speaker.token}/materials/{organisers.pk}/Agenda%20note.docx"' in html
    assert f"/f/{speaker.token}/materials/{organisers.pk}/remove/" not in html
    response = client.post(
        f"/en/f/{speaker.token}/materials/", {"file": files.upload("slides.pptx", files.pptx())}, follow=True
    )
    assert response.redirect_chain == [(page, 302)]
    theirs = Material.objects.get(uploaded_by_facilitator=speaker)
    html = response.content.decode()
    assert "The material is added." in html and ">slides</a>" in html
    assert "PowerPoint presentation" in html
    remove = f"/en/f/{speaker.token}/materials/{theirs.pk}/remove/"
    assert f'href="{remove}"' in html
    assert client.get(f"/en/f/{speaker.token}/materials/{organisers.pk}/remove/").status_code == 404
    assert client.post(f"/en/f/{speaker.token}/materials/{organisers.pk}/remove/").status_code == 404
    other = session.facilitators.exclude(pk=speaker.pk).first()
    assert client.post(f"/en/f/{other.token}/materials/{theirs.pk}/remove/").status_code == 404
    confirm = client.get(remove)
    assert confirm.status_code == 200 and "“slides” will be removed." in confirm.content.decode()
    assert "no-store" in confirm["Cache-Control"] and confirm["Referrer-Policy"] == "same-origin"
    response = client.post(remove, follow=True)
    assert (
        response.redirect_chain == [(page, 302)] and "The material is removed." in response.content.decode()
    )
    assert list(Material.objects.all()) == [organisers]


def test_a_facilitators_refused_upload_shows_their_page_with_the_reason(client, speaker):
    speaker.status, speaker.note = "confirmed", "Happy to"
    speaker.save()
    response = client.post(
        f"/en/f/{speaker.token}/materials/", {"file": files.upload("slides.pdf", files.docx())}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "so its name must end in .docx" in html
    assert "This field is required" not in html  # the answer form is not judged
    assert "Happy to" in html and response["Cache-Control"] == "private, no-store"
    assert not Material.objects.exists()
    assert client.get(f"/en/f/{speaker.token}/materials/").status_code == 302


# --- The demo -----------------------------------------------------------------------------


def test_the_demo_gives_session_1_slides_and_a_note_once(demo_meeting, session):
    load_materials(demo_meeting)
    load_materials(demo_meeting)  # a second run adds nothing
    slides, note = Material.objects.order_by("pk")
    assert {slides.item, note.item} == {session}
    assert (slides.content_type, note.content_type) == ("application/pdf", DOCX)
    text = PdfReader(io.BytesIO(slides.file.read()), strict=True).pages[0].extract_text()
    assert slides.title in text and "Article 28" in text
    paragraphs = [p.text for p in Document(io.BytesIO(note.file.read())).paragraphs]
    assert note.title in paragraphs and "ហេតុអ្វីកិច្ចប្រជុំនេះ" in paragraphs
