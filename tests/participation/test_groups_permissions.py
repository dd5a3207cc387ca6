"""Breakout groups are the meeting's organisers' business; a group's report is its rapporteur's.

Every organiser page is tried with GET and POST by everyone else, and nothing may change.
"""

import pytest
from django.urls import reverse

from sala.attendance.models import Registration
from sala.core.models import AuditEntry
from sala.participation.models import BreakoutGroup, GroupMember, GroupReport
from sala.participation.services import groups as services
from tests.factories import UserFactory

from .groups_support import invite, make_room

pytestmark = pytest.mark.django_db

ORGANISER_PAGES = ["groups", "group_add", "groups_assign", "group_edit", "group_delete", "group_move",
                   "plenary", "plenary_stage"]  # fmt: skip


@pytest.fixture
def room():
    room = make_room()
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    group = BreakoutGroup.objects.filter(meeting=room.meeting).first()
    services.save_report(
        group=group, key_points="Secret point", recommendations="", questions="", base_revision=0
    )
    return room


def organiser_urls(room) -> list[str]:
    group = BreakoutGroup.objects.filter(meeting=room.meeting).first()
    person = GroupMember.objects.filter(group=group).first().person
    urls = []
    for name in ORGANISER_PAGES:
        pk = {"group_edit": group.pk, "group_delete": group.pk, "group_move": person.pk}.get(name)
        kwargs = {"slug": room.meeting.slug, **({"pk": pk} if pk else {})}
        urls.append(reverse(f"participation_manage:{name}", kwargs=kwargs))
    return urls


def state():
    return (
        list(BreakoutGroup.objects.values_list("pk", "topic_en", "rapporteur")),
        list(GroupMember.objects.values_list("person", "group").order_by("person")),
        list(GroupReport.objects.values_list("key_points", "revision")),
        AuditEntry.objects.count(),
    )


def assert_locked_out(client, room, statuses) -> None:
    before = state()
    for url in organiser_urls(room):
        for method in (client.get, client.post):
            response = method(url, {"topic_en": "Hijacked", "group": "", "rapporteur": ""})
            assert response.status_code in statuses, (method.__name__, url, response.status_code)
            assert "Secret point" not in response.content.decode(errors="replace"), url
    assert state() == before


def test_every_organiser_page_is_named_here():
    from sala.participation import urls_manage

    names = {p.name for p in urls_manage.urlpatterns if "groups/" in str(p.pattern)}
    assert names == set(ORGANISER_PAGES)


def test_anonymous_visitors_are_sent_to_sign_in(client, room):
    assert_locked_out(client, room, {302})
    response = client.get(organiser_urls(room)[0])
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_participant_with_an_account_gets_nothing(client, room):
    client.force_login(UserFactory(username="someone@example.org"))
    assert_locked_out(client, room, {403, 404})


def test_an_organiser_of_another_consultation_gets_nothing(client, room):
    other = make_room(slug="their-meeting", groups=1)
    client.force_login(other.organiser)
    assert_locked_out(client, room, {403, 404})


def test_the_organiser_gets_every_page(client, room):
    client.force_login(room.organiser)
    for url in organiser_urls(room):
        assert client.get(url).status_code in {200, 405}, url  # adding, assigning, moving: POST only


def test_a_group_of_another_meeting_is_not_found(client, room):
    other = make_room(slug="their-meeting", groups=1)
    client.force_login(room.organiser)
    other.meeting.consultation.organisers.add(room.organiser)  # even when organising both
    base = f"/en/manage/meetings/{room.meeting.slug}/groups/"
    before = state()
    assert client.get(f"{base}{other.groups[0].pk}/edit/").status_code == 404
    assert client.post(f"{base}{other.groups[0].pk}/delete/").status_code == 404
    assert client.post(f"{base}people/{other.people[0].pk}/move/", {"group": ""}).status_code == 404
    group = BreakoutGroup.objects.filter(meeting=room.meeting).first()
    person = GroupMember.objects.filter(group=group).first().person
    response = client.post(f"{base}people/{person.pk}/move/", {"group": other.groups[0].pk})
    assert response.status_code == 302 and state() == before  # refused: "Choose a group of this meeting."


def test_personal_pages_need_a_token_of_this_meeting(client, room):
    group = BreakoutGroup.objects.filter(meeting=room.meeting).first()
    other = make_room(slug="their-meeting", groups=1)
    link = invite(other.meeting, group.rapporteur)
    before = state()
    assert client.get("/en/i/unknown-token/group/").status_code == 404
    assert (
        client.post("/en/i/unknown-token/group/", {"key_points": "x", "base_revision": 1}).status_code == 404
    )
    # The rapporteur's own link to another meeting opens that meeting's page, where they are in no group.
    page = client.get(f"/en/i/{link.token}/group/").content.decode()
    assert "You are not in a group yet." in page and "Secret point" not in page
    response = client.post(f"/en/i/{link.token}/group/", {"key_points": "x", "base_revision": 1})
    assert response.status_code == 403
    assert state() == before


def test_only_the_rapporteur_writes_the_report(client, room):
    group = BreakoutGroup.objects.filter(meeting=room.meeting).select_related("rapporteur").first()
    member = GroupMember.objects.filter(group=group).exclude(person=group.rapporteur).first().person
    data = {"key_points": "Overwritten", "recommendations": "", "questions": "", "base_revision": 1}
    before = state()
    for person in (member, GroupMember.objects.exclude(group=group).first().person):
        link = invite(room.meeting, person)
        for headers in ({}, {"Accept": "application/json"}):
            assert client.post(f"/en/i/{link.token}/group/", data, headers=headers).status_code == 403
    assert state()[:3] == before[:3]
    # A rapporteur replaced by the organisers loses the pen at once.
    link = invite(room.meeting, group.rapporteur)
    services.update_group(
        group=group, topic_en=group.topic_en, topic_km=group.topic_km, rapporteur=member, actor=room.organiser
    )
    assert client.post(f"/en/i/{link.token}/group/", data).status_code == 403
    assert GroupReport.objects.get(group=group).key_points == "Secret point"


def test_a_walk_in_reaches_their_group_by_their_registration_link(client, room):
    group = BreakoutGroup.objects.filter(meeting=room.meeting).select_related("rapporteur").first()
    registration = Registration.objects.create(
        meeting=room.meeting, person=group.rapporteur, token="walk-in-token"
    )
    page = client.get(f"/en/i/{registration.token}/group/").content.decode()
    assert "that is you" in page and "Secret point</textarea>" in page
