"""The participant's phone view of the meeting day: by invitation or registration link, the
agenda with now and next, links to each session's Q&A, the materials, their group; the "now"
block answers 304 while nothing changed; nobody else's name or contact is on it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import quote_etag

from sala.attendance import services as attendance
from sala.attendance.models import Invitation, Registration
from sala.meetings import services as meetings
from sala.participation.services import groups
from tests.core.test_i18n import assert_khmer, get
from tests.factories import AgendaItemFactory, MeetingFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def running():
    """A meeting on now: one item started ten minutes ago, a break, then the next one."""
    now = timezone.now().replace(microsecond=0)
    meeting = MeetingFactory(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=2))
    minutes = [now + timedelta(minutes=n) for n in (-10, 50, 60)]
    AgendaItemFactory(
        meeting=meeting, title_en="Findings on the draft", starts_at=minutes[0], ends_at=minutes[1]
    )
    AgendaItemFactory(
        meeting=meeting, kind="break", title_en="Tea break", starts_at=minutes[1], ends_at=minutes[2]
    )
    return meeting


def invite(meeting, **person):
    person = PersonFactory(**person)
    return attendance.invite_people(meeting=meeting, people=[person], actor=UserFactory())[0]


def test_the_phone_view_shows_now_next_and_the_sessions_questions(client, running):
    invitation = invite(running)
    current = running.agenda_items.get(kind="session")
    html = get(client, f"/en/i/{invitation.token}/meeting/")
    now_block = html.split('id="now"', 1)[1].split("</section>", 1)[0]
    assert "Findings on the draft" in now_block and "Tea break" in now_block
    assert f"/en/i/{invitation.token}/questions/{current.pk}/" in now_block
    # No Q&A on a break; the inputs, decisions and the person's own invitation are one tap away.
    assert html.count("/questions/") == 2
    assert f"/en/i/{invitation.token}/inputs/" not in html  # the consultation has no draft
    assert f"/en/i/{invitation.token}/decisions/" in html and f'href="/en/i/{invitation.token}/"' in html


def test_a_walk_in_reaches_it_by_their_registration_link_and_a_cancelled_one_does_not(client, running):
    checkin = attendance.register_walk_in(meeting=running, name="Keo Dara", organisation=None, gender="man",
                                          actor=UserFactory())  # fmt: skip
    registration = Registration.objects.get(meeting=running, person=checkin.person)
    html = get(client, f"/en/i/{registration.token}/meeting/")
    assert f'href="/en/r/{registration.token}/"' in html
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.CANCELLED)
    assert client.get(f"/en/i/{registration.token}/meeting/").status_code == 404
    assert client.get("/en/i/not-a-token/meeting/").status_code == 404


def test_it_names_the_persons_group_and_no_one_else(client, demo_meeting):
    organiser = demo_meeting.consultation.organisers.first()
    group = groups.create_group(
        meeting=demo_meeting, topic_en="Privacy and data", topic_km="", actor=organiser
    )
    groups.assign_groups(meeting=demo_meeting, actor=organiser)
    member = group.members.select_related("person").first().person
    token = Invitation.objects.get(meeting=demo_meeting, person=member).token
    response = client.get(f"/en/i/{token}/meeting/")
    html = response.content.decode()
    assert "Your group: Privacy and data" in html and f"/en/i/{token}/group/" in html
    others = Invitation.objects.filter(meeting=demo_meeting).exclude(person=member).select_related("person")
    assert not [i.person.name_en for i in others if i.person.name_en in html]
    assert not [i.person.email for i in others if i.person.email and i.person.email in html]
    assert "no-cache" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"


def test_before_and_after_the_meeting_it_says_so(client, demo_meeting):
    token = Invitation.objects.filter(meeting=demo_meeting).first().token
    assert "The meeting is over." in get(client, f"/en/i/{token}/meeting/")  # 5 June 2014
    soon = timezone.now() + timedelta(days=3)
    later = MeetingFactory(starts_at=soon, ends_at=soon + timedelta(hours=4))
    assert "has not started yet" in get(client, f"/en/i/{invite(later).token}/meeting/")


def test_the_now_block_answers_304_until_the_agenda_changes(
    client, running, django_capture_on_commit_callbacks
):
    token = invite(running).token
    url = f"/en/i/{token}/meeting/now/"
    first = client.get(url)
    assert first.status_code == 200 and "Findings on the draft" in first.content.decode()
    same = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert same.status_code == 304 and same.content == b""
    item = running.agenda_items.get(kind="session")
    with django_capture_on_commit_callbacks(execute=True):  # the cached version is dropped on commit
        meetings.update_agenda_item(item=item, actor=UserFactory(), title_en="Findings, revised")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and "Findings, revised" in changed.content.decode()
    assert changed["ETag"] != first["ETag"] != quote_etag("")


def test_the_phone_view_is_all_khmer(client, running):
    token = invite(running).token
    assert_khmer(
        {url: get(client, url) for url in [f"/km/i/{token}/meeting/", f"/km/i/{token}/meeting/now/"]}
    )
