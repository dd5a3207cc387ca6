"""The materials screens in Khmer show no English of their own: only the data's (titles and
names of files, as uploaded) and the names of file formats, which have no Khmer name."""

import pytest
from django.core.cache import cache

from sala.core.filetypes import EXTENSIONS
from sala.meetings.models import Material
from sala.meetings.services.materials import add_material
from tests.core.test_i18n import data_words, get, latin_words, post, stray_words
from tests.support import sample_files as files

pytestmark = pytest.mark.django_db
FORMAT_NAMES = {"PDF", "Word", "PowerPoint", "Excel", "OpenDocument", "PNG", "JPEG"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()


def assert_khmer(pages: dict[str, str], refused: str = "") -> None:
    """`refused`: names of uploads refused, which their error messages quote."""
    allowed = data_words() | FORMAT_NAMES | set(EXTENSIONS) | latin_words(refused)
    for title, filename in Material.objects.values_list("title", "filename"):
        allowed |= latin_words(f"{title} {filename}")  # as uploaded
    stray = stray_words(pages, allowed)
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"


def test_materials_pages_are_all_khmer(client, organiser, organiser_client, demo_meeting):
    session = demo_meeting.agenda_items.get(kind="session")
    speaker = session.facilitators.first()
    organisers = add_material(
        item=session, upload=files.upload("Key findings.pdf", files.pdf()), actor=organiser
    )
    theirs = add_material(item=session, upload=files.upload("slides.pptx", files.pptx()), facilitator=speaker)
    manage = f"/km/manage/meetings/{demo_meeting.slug}/"
    materials = f"{manage}agenda/{session.pk}/materials/"
    empty = f"{manage}agenda/{demo_meeting.agenda_items.get(kind='closing').pk}/materials/"
    pages = {url: get(organiser_client, url) for url in [materials, empty, f"{manage}agenda/"]}
    pages["remove"] = get(organiser_client, f"{manage}materials/{organisers.pk}/remove/")
    pages["refused: wrong name"] = post(
        organiser_client, materials, {"file": files.upload("note.pdf", files.docx())}, 422
    )
    pages["refused: no file"] = post(organiser_client, materials, {}, 422)
    pages["refused: a program"] = post(
        organiser_client, materials, {"file": files.upload("x.pdf", files.exe())}, 422
    )
    facilitator = f"/km/f/{speaker.token}/"
    pages[facilitator] = get(client, facilitator)
    pages["facilitator: remove"] = get(client, f"{facilitator}materials/{theirs.pk}/remove/")
    pages["facilitator: refused"] = post(
        client, f"{facilitator}materials/", {"file": files.upload("e.pdf", b"")}, 422
    )
    pages["facilitator: added"] = client.post(
        f"{facilitator}materials/", {"file": files.upload("map.png", files.image("PNG"))}, follow=True
    ).content.decode()
    pages["public page"] = get(client, f"/km/meetings/{demo_meeting.slug}/")
    assert f"/km/meetings/{demo_meeting.slug}/materials/{organisers.pk}/" in pages["public page"]
    assert_khmer(pages, refused="note.pdf x.pdf e.pdf")
