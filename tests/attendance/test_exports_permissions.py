"""The attendance figures and every export: anonymous, participant, organiser of another consultation
get nothing, and nothing is written to the audit log as exported."""

import pytest

from sala.attendance.models import Invitation
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting

pytestmark = pytest.mark.django_db
A = "/en/manage/meetings/cybercrime-law-2014/attendance/"
URLS = [A, A + "counts/", A + "sign-in-sheet.pdf", A + "attendance-list.pdf", A + "attendance.xlsx"]


def assert_gets_nothing(client, meeting, statuses: set[int]) -> None:
    names = [
        i.person.name_en for i in Invitation.objects.filter(meeting=meeting).select_related("person")[:10]
    ]
    assert names  # the demo has invitees whose names must not leak
    for url in URLS:
        response = client.get(url)
        assert response.status_code in statuses, url
        assert response.get("Content-Type", "").startswith("text/html"), url
        body = response.content.decode()
        assert not [name for name in names if name in body], url
    assert not AuditEntry.objects.filter(action="export.people").exists()


def test_anonymous_visitor_is_sent_to_login(client, demo_meeting):
    assert_gets_nothing(client, demo_meeting, {302})
    assert all(client.get(url).url.startswith("/en/accounts/login/") for url in URLS)


@pytest.mark.parametrize("visibility", [Meeting.Visibility.PUBLIC, Meeting.Visibility.INVITATION])
@pytest.mark.parametrize("who", ["participant", "other_organiser"])
def test_participant_and_organiser_of_another_consultation_are_refused(
    client, demo_meeting, request, who, visibility
):
    Meeting.objects.filter(pk=demo_meeting.pk).update(visibility=visibility)
    client.force_login(request.getfixturevalue(who))
    # A public meeting may be seen, not its people (403); an invitation-only one stays hidden (404).
    assert_gets_nothing(client, demo_meeting, {403} if visibility == Meeting.Visibility.PUBLIC else {404})


def test_the_organiser_gets_each_one(organiser_client, organiser):
    statuses = [organiser_client.get(url).status_code for url in URLS]
    assert statuses == [200] * len(URLS)
    assert AuditEntry.objects.filter(action="export.people", actor=organiser).count() == 3
