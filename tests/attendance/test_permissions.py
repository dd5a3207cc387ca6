"""Attendance is personal data: every organiser screen and export refuses everyone but the
meeting's organisers. The URLs are read from the URLconf, so a new screen is covered too."""

import pytest
from django.urls import URLPattern, reverse

from sala.attendance import urls_manage
from sala.attendance.models import CheckIn, Invitation, Registration
from sala.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def organiser_urls(meeting) -> list[str]:
    person = Invitation.objects.filter(meeting=meeting).first().person
    urls = []
    for pattern in urls_manage.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {name: meeting.slug if name == "slug" else person.pk for name in pattern.pattern.converters}
        urls.append(reverse(f"attendance_manage:{pattern.name}", kwargs=kwargs))
    return urls


def state():
    return (Invitation.objects.count(), Registration.objects.count(), CheckIn.objects.count(),
            AuditEntry.objects.count())  # fmt: skip


def assert_locked_out(client, meeting, statuses):
    before = state()
    emails = [e for e in Invitation.objects.values_list("person__email", flat=True) if e]
    for url in organiser_urls(meeting):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in statuses, (method.__name__, url, response.status_code)
            body = response.content.decode(errors="replace")
            assert not any(email in body for email in emails), url
    assert state() == before


def test_anonymous_is_sent_to_login(client, demo_meeting):
    assert_locked_out(client, demo_meeting, {302})


def test_a_participant_gets_nothing(client, participant, demo_meeting):
    client.force_login(participant)
    assert_locked_out(client, demo_meeting, {403, 404})


def test_an_organiser_of_another_consultation_gets_nothing(client, other_organiser, demo_meeting):
    client.force_login(other_organiser)
    assert_locked_out(client, demo_meeting, {403, 404})


def test_the_urlconf_has_every_screen(demo_meeting):
    assert len(organiser_urls(demo_meeting)) >= 12
