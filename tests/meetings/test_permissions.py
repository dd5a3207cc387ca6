"""Who may see and change what: anonymous, participant, organiser of another consultation."""

import pytest

from sala.core.models import AuditEntry
from sala.meetings.models import AgendaItem, Facilitator

pytestmark = pytest.mark.django_db
M = "/en/manage/meetings/cybercrime-law-2014/"


def manage_urls(meeting):
    item = meeting.agenda_items.first()
    facilitator = Facilitator.objects.filter(item__meeting=meeting).first()
    return {
        "get": [
            M,
            M + "edit/",
            M + "audit/",
            M + "agenda/",
            M + f"agenda/{item.pk}/edit/",
            M + f"agenda/{item.pk}/delete/",
            M + f"facilitators/{facilitator.pk}/edit/",
            M + f"facilitators/{facilitator.pk}/remove/",
        ],
        "post": [
            M + "edit/",
            M + "agenda/add/",
            M + f"agenda/{item.pk}/edit/",
            M + f"agenda/{item.pk}/delete/",
            M + f"agenda/{item.pk}/move/down/",
            M + f"agenda/{item.pk}/facilitators/add/",
            M + f"facilitators/{facilitator.pk}/edit/",
            M + f"facilitators/{facilitator.pk}/remove/",
            M + f"facilitators/{facilitator.pk}/move/down/",
        ],
    }


def snapshot(meeting):
    return (
        list(
            AgendaItem.objects.filter(meeting=meeting).values_list("pk", "starts_at", "ends_at", "title_en")
        ),
        list(Facilitator.objects.filter(item__meeting=meeting).values_list("pk", "status", "role_en")),
        AuditEntry.objects.count(),
    )


def assert_locked_out(client, meeting, expected_statuses):
    before = snapshot(meeting)
    tokens = list(Facilitator.objects.values_list("token", flat=True))
    urls = manage_urls(meeting)
    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code in expected_statuses, url
        body = response.content.decode()
        assert not any(token in body for token in tokens), f"facilitator link leaked on {url}"
    for url in urls["post"]:
        response = client.post(
            url,
            {
                "title_en": "Hacked",
                "status": "declined",
                "start": "08:00",
                "end": "09:00",
                "day": "2014-06-05",
                "kind": "session",
                "slug": "hacked",
            },
        )
        assert response.status_code in expected_statuses, url
    assert snapshot(meeting) == before


def test_anonymous_visitor_is_sent_to_login_and_changes_nothing(client, demo_meeting):
    assert_locked_out(client, demo_meeting, {302})
    assert client.get(M).url.startswith("/en/accounts/login/")


def test_participant_cannot_manage(client, demo_meeting, participant):
    client.force_login(participant)
    assert_locked_out(client, demo_meeting, {403})


def test_organiser_of_another_consultation_cannot_manage(client, demo_meeting, other_organiser):
    client.force_login(other_organiser)
    assert_locked_out(client, demo_meeting, {403})


def test_invitation_only_meeting_is_hidden_not_forbidden(client, demo_meeting, other_organiser):
    demo_meeting.visibility = "invitation"
    demo_meeting.save()
    client.force_login(other_organiser)
    assert client.get(M).status_code == 404


def test_organiser_sees_everything(organiser_client, demo_meeting):
    for url in manage_urls(demo_meeting)["get"]:
        assert organiser_client.get(url).status_code == 200, url
    overview = organiser_client.get(M).content.decode()
    assert all(t in overview for t in Facilitator.objects.values_list("token", flat=True))


def test_public_pages_never_show_facilitator_links(client, demo_meeting):
    tokens = list(Facilitator.objects.values_list("token", flat=True))
    for url in [
        "/en/meetings/cybercrime-law-2014/",
        "/km/meetings/cybercrime-law-2014/",
        "/meetings/cybercrime-law-2014/calendar.ics",
    ]:
        body = client.get(url).content.decode()
        assert not any(token in body for token in tokens)


def test_a_facilitator_link_opens_only_its_own_page(client, demo_meeting):
    assert client.get("/en/f/not-a-real-token/").status_code == 404
