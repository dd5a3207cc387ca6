"""Importing a list on screen: upload, preview with the detected columns, confirm."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sala.attendance.models import Invitation, ListUpload
from sala.people.models import Person
from tests.support.shared import SHARED

pytestmark = pytest.mark.django_db
M = "/en/manage/meetings/cybercrime-law-2014/"
SAMPLES = SHARED / "samples" / "participants"


def upload(client, name: str, data: bytes):
    return client.post(M + "people/import/", {"file": SimpleUploadedFile(name, data)})


@pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not present")
def test_preview_saves_nothing_then_confirm_imports_and_invites(organiser_client, demo_meeting):
    people_before = Person.objects.count()
    response = upload(organiser_client, "invitees.xlsx", (SAMPLES / "invitees-km-headers.xlsx").read_bytes())
    assert response.status_code == 302
    preview_url = response.url
    page = organiser_client.get(preview_url).content.decode()
    assert Person.objects.count() == people_before  # nothing saved before confirming
    assert "New person" in page and "Not imported" in page and "Same person as row" in page
    assert 'value="email" selected' in page  # the detected column mapping, editable
    choices = {**mapping_of(page), "invite": "on", "category": "participant", "confirm": "1"}
    response = organiser_client.post(preview_url, choices)
    assert response.status_code == 302
    assert Person.objects.count() == people_before + 68
    assert Invitation.objects.filter(meeting=demo_meeting, person__name_en="Chea Bopha").exists()
    assert not ListUpload.objects.exists()


def mapping_of(page: str) -> dict[str, str]:
    """The column choices as the preview selected them."""
    found = {}
    for name, body in re.findall(r'<select name="(column_\d+)"[^>]*>(.*?)</select>', page, re.S):
        selected = re.search(r'<option value="([^"]*)" selected', body)
        found[name] = selected.group(1) if selected else ""
    return found


def test_changing_a_column_changes_the_preview(organiser_client, demo_meeting):
    csv = b"Name,Mobile,Email\nSok Dara,012 345 678,dara@example.org\n"
    preview_url = upload(organiser_client, "list.csv", csv).url
    page = organiser_client.get(preview_url).content.decode()
    mapping = mapping_of(page)
    assert mapping == {"column_0": "name_latin", "column_1": "phone", "column_2": "email"}
    page = organiser_client.post(
        preview_url, {**mapping, "column_2": "", "category": "participant"}
    ).content.decode()
    assert "dara@example.org" not in page.split("<tbody>")[1]
    assert not Person.objects.filter(name_en="Sok Dara").exists()


@pytest.mark.parametrize("name,data", [("empty.csv", b""), ("list.xlsx", b"PK\x03\x04garbage"),
                                       ("old.xls", b"\xd0\xcf\x11\xe0" + bytes(600))])  # fmt: skip
def test_a_bad_file_gets_a_clear_message_and_nothing_is_kept(organiser_client, demo_meeting, name, data):
    response = upload(organiser_client, name, data)
    assert response.status_code == 422
    assert 'class="errors"' in response.content.decode()
    assert not ListUpload.objects.exists()


def test_another_organiser_cannot_open_my_upload(client, organiser_client, other_organiser, demo_meeting):
    preview_url = upload(organiser_client, "list.csv", b"Name,Email\nA B,a@example.org\n").url
    client.force_login(other_organiser)
    assert client.get(preview_url).status_code in (403, 404)
