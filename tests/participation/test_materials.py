"""An invitation-only meeting's materials reach its invitees and registrants by their own link,
and no one else: not another meeting's invitees, not a cancelled registration."""

import pytest
from django.core.cache import cache

from sala.attendance import services as attendance
from sala.attendance.models import Registration
from sala.meetings.models import Material
from sala.meetings.services.materials import add_material
from tests.core.test_i18n import data_words, get, stray_words
from tests.factories import AgendaItemFactory, MeetingFactory, PersonFactory
from tests.support import sample_files as files

pytestmark = pytest.mark.django_db
FORMAT_NAMES = {"PDF", "Word", "PowerPoint", "Excel", "OpenDocument", "PNG", "JPEG"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()


@pytest.fixture
def closed_meeting(meeting):
    meeting.visibility = "invitation"
    meeting.save()
    return meeting


@pytest.fixture
def material(closed_meeting) -> Material:
    item = AgendaItemFactory(meeting=closed_meeting, title_en="Session 1", title_km="វគ្គទី១")
    return add_material(item=item, upload=files.upload("Key findings.pdf", files.pdf()), title="")


def url(token: str, material: Material) -> str:
    return f"/en/i/{token}/materials/{material.pk}/{material.filename}"


def test_an_invitee_gets_the_file_privately(client, invitation, material):
    response = client.get(url(invitation.token, material))
    assert response.status_code == 200 and b"".join(response.streaming_content) == files.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Key findings.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_a_registrant_gets_it_until_they_cancel(client, closed_meeting, material):
    person = PersonFactory()
    registration = attendance.register_person(
        meeting=closed_meeting, person=person, source=Registration.Source.WALK_IN
    )
    assert client.get(url(registration.token, material)).status_code == 200
    attendance.cancel_registration(registration=registration)
    assert client.get(url(registration.token, material)).status_code == 404


def test_no_one_else_gets_it(client, invitation, material, closed_meeting):
    other_meeting = MeetingFactory(visibility="invitation")
    stranger = attendance.invite_people(meeting=other_meeting, people=[PersonFactory()], actor=None)[0]
    assert client.get(url(stranger.token, material)).status_code == 404
    assert client.get(url("no-such-token", material)).status_code == 404
    assert client.get(f"/en/meetings/{closed_meeting.slug}/materials/{material.pk}/x.pdf").status_code == 404
    elsewhere = add_material(
        item=AgendaItemFactory(meeting=other_meeting), upload=files.upload("other.pdf", files.pdf())
    )
    assert client.get(url(invitation.token, elsewhere)).status_code == 404  # the link decides the meeting


def test_the_invitation_page_links_materials_through_the_invitees_own_link(client, invitation, material):
    html = get(client, f"/en/i/{invitation.token}/")
    assert f'href="/en/i/{invitation.token}/materials/{material.pk}/Key%20findings.pdf"' in html
    assert "(PDF document, " in html


def test_the_registration_page_links_materials_through_the_registrants_own_link(
    client, closed_meeting, material
):
    registration = attendance.register_person(
        meeting=closed_meeting, person=PersonFactory(), source=Registration.Source.WALK_IN
    )
    html = get(client, f"/en/r/{registration.token}/")
    assert f'href="/en/i/{registration.token}/materials/{material.pk}/Key%20findings.pdf"' in html


def test_the_invitation_page_lists_materials_in_khmer(client, invitation, material):
    html = get(client, f"/km/i/{invitation.token}/")
    agenda = html[html.index('<section id="agenda">') :].split("</section>")[0]  # where materials are listed
    assert f"/km/i/{invitation.token}/materials/{material.pk}/" in agenda
    pages = {"the agenda of the invitation page, with a material": agenda}
    allowed = data_words() | FORMAT_NAMES | {"Key", "findings"}  # the material's own title
    assert not stray_words(pages, allowed), stray_words(pages, allowed)
