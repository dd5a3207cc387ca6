"""The breakout group pages: the organisers' board, the participant's page with the report form,
and the plenary view that polls with conditional requests."""

import pytest

from sala.core.models import AuditEntry
from sala.participation.models import BreakoutGroup, GroupMember, GroupReport
from sala.participation.services import groups as services

from .groups_support import invite, make_room

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return make_room()


@pytest.fixture
def assigned(room):
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    return list(BreakoutGroup.objects.filter(meeting=room.meeting).select_related("rapporteur"))


@pytest.fixture
def board(client, room):
    client.force_login(room.organiser)
    return f"/en/manage/meetings/{room.meeting.slug}/groups/"


def html(response, status: int = 200) -> str:
    assert response.status_code == status, (response.status_code, response.get("Location"))
    return response.content.decode()


# The organisers' board


def test_the_board_before_anything(client, board, room):
    GroupMember.objects.all().delete()
    BreakoutGroup.objects.all().delete()
    page = html(client.get(board))
    assert "No group yet. Create the groups first" in page
    assert "Assign checked-in people automatically" not in page
    assert 'name="topic_en"' in page and 'name="topic_km"' in page


def test_create_assign_and_see_the_balance(client, board, room):
    response = client.post(board + "add/", {"topic_en": "Follow-up", "topic_km": ""})
    group = BreakoutGroup.objects.get(topic_en="Follow-up")
    assert response.status_code == 302 and response["Location"] == f"{board}#group-{group.pk}"
    assert "55 people checked in are in no group." in html(client.get(board))

    response = client.post(board + "assign/", follow=True)
    page = html(response)
    assert "55 people are assigned to groups." in page
    assert "Everyone checked in is in a group." in page
    assert page.count('class="group-card"') == 5
    assert '<th scope="col">Civil society organisation</th>' in page and '<th scope="col">Woman</th>' in page
    assert page.count("Rapporteur:") == 5
    assert GroupMember.objects.filter(meeting=room.meeting).count() == 55


def test_a_topic_is_required(client, board):
    page = html(client.post(board + "add/", {"topic_en": " ", "topic_km": ""}), 422)
    assert "Give the group a topic, in English or in Khmer." in page
    assert BreakoutGroup.objects.count() == 4


def test_assign_with_htmx_swaps_the_board(client, board):
    page = html(client.post(board + "assign/", headers={"HX-Request": "true"}))
    assert page.lstrip().startswith('<div id="board"')
    assert "55 people are assigned to groups." in page and "<h1>" not in page


def test_move_a_person_by_hand_with_and_without_javascript(client, board, room, assigned):
    person = (
        GroupMember.objects.filter(group=assigned[0]).exclude(person=assigned[0].rapporteur).first().person
    )
    move = f"{board}people/{person.pk}/move/"
    response = client.post(move, {"group": assigned[1].pk})
    assert response.status_code == 302 and response["Location"] == board
    assert GroupMember.objects.get(person=person).group == assigned[1]
    assert f"{person} is in “{assigned[1].topic}” now." in html(client.get(board))

    page = html(client.post(move, {"group": ""}, headers={"HX-Request": "true"}))
    assert f"{person} is in no group now." in page and 'id="unassigned"' in page
    assert not GroupMember.objects.filter(person=person).exists()

    page = html(client.post(move, {"group": "999999"}, headers={"HX-Request": "true"}), 422)
    assert "Choose a group of this meeting." in page
    assert client.post(f"{board}people/999999/move/", {"group": ""}).status_code == 404


def test_edit_a_group_and_choose_its_rapporteur(client, board, room, assigned):
    group, other = assigned[0], assigned[1]
    url = f"{board}{group.pk}/edit/"
    page = html(client.get(url))
    assert f'value="{group.topic_en}"' in page and f"{other.rapporteur} ({other.topic})" in page
    data = {"topic_en": "Expression online", "topic_km": group.topic_km, "rapporteur": other.rapporteur.pk}
    response = client.post(url, data)
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.topic_en, group.rapporteur) == ("Expression online", other.rapporteur)
    assert GroupMember.objects.get(person=other.rapporteur).group == group
    assert AuditEntry.objects.filter(action="group.changed", actor=room.organiser).exists()
    page = html(client.post(url, {"topic_en": "", "topic_km": "", "rapporteur": ""}), 422)
    assert "Give the group a topic" in page


def test_delete_a_group_after_a_confirmation(client, board, room, assigned):
    group = assigned[2]
    members = group.members.count()
    url = f"{board}{group.pk}/delete/"
    page = html(client.get(url))
    assert "Are you sure?" in page and group.topic_en in page and f'href="{board}"' in page
    assert BreakoutGroup.objects.filter(pk=group.pk).exists()
    response = client.post(url, follow=True)
    page = html(response)
    assert f"The group “{group.topic_en}” is deleted" in page
    assert not BreakoutGroup.objects.filter(pk=group.pk).exists()
    assert f"{members} people checked in are in no group." in page


# The participant's page


def test_a_member_sees_their_group_but_not_the_others(client, room, assigned):
    group = assigned[0]
    member = group.members.exclude(person=group.rapporteur).select_related("person").first().person
    member.email = "member@example.org"
    member.save()
    others = group.members.exclude(person__in=[member, group.rapporteur]).select_related("person")
    link = invite(room.meeting, member)
    response = client.get(f"/en/i/{link.token}/group/")
    page = html(response)
    # Never cached; the link never leaves the site (and a form posted from the page keeps its Origin).
    assert "no-cache" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"
    assert group.topic_en in page and f"Rapporteur: {group.rapporteur.name_with_title}" in page
    assert f"{group.members.count()} people in the group" in page
    assert all(str(m.person) not in page for m in others)
    assert "<textarea" not in page and "report.js" not in page
    # A member may not write the report.
    response = client.post(f"/en/i/{link.token}/group/", {"key_points": "x", "base_revision": 0})
    assert response.status_code == 403
    assert not GroupReport.objects.exists()


def test_someone_in_no_group_is_told_so(client, room):
    link = invite(room.meeting, room.people[0])
    assert "You are not in a group yet." in html(client.get(f"/en/i/{link.token}/group/"))


@pytest.fixture
def rapporteur_page(client, room, assigned):
    link = invite(room.meeting, assigned[0].rapporteur)
    return f"/en/i/{link.token}/group/"


def test_the_rapporteur_saves_without_javascript(client, rapporteur_page, assigned):
    page = html(client.get(rapporteur_page))
    assert "that is you" in page and "report.js" in page and 'name="base_revision" value="0"' in page
    assert 'data-saving="Saving…"' in page and 'data-offline="Offline, will save when back"' in page
    data = {"key_points": "Article 28 is vague", "recommendations": "", "questions": "", "base_revision": 0}
    response = client.post(rapporteur_page, data, follow=True)
    page = html(response)
    assert "Saved." in page and "Article 28 is vague</textarea>" in page
    assert 'name="base_revision" value="1"' in page
    assert GroupReport.objects.get(group=assigned[0]).revision == 1


def test_the_autosave_gets_json(client, rapporteur_page, assigned):
    data = {"key_points": "Point one", "recommendations": "R", "questions": "Q?", "base_revision": 0}
    response = client.post(rapporteur_page, data, headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.json() == {"revision": 1}
    response = client.post(
        rapporteur_page, {**data, "key_points": "Point 1"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 409  # from revision 0 again: stale
    body = response.json()
    assert body["key_points"] == "Point one" and body["revision"] == 1
    assert "Someone else saved this report" in body["error"]
    assert GroupReport.objects.get(group=assigned[0]).key_points == "Point one"
    response = client.post(
        rapporteur_page, {**data, "base_revision": "x"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 422


def test_a_stale_plain_save_shows_both_texts(client, rapporteur_page, assigned):
    services.save_report(
        group=assigned[0],
        key_points="Saved on the other phone",
        recommendations="",
        questions="",
        base_revision=0,
    )
    data = {"key_points": "Typed on this phone", "recommendations": "", "questions": "", "base_revision": 0}
    page = html(client.post(rapporteur_page, data), 409)
    assert "Someone else saved this report" in page
    assert "Saved on the other phone</p>" in page  # the newer text, shown
    assert "Typed on this phone</textarea>" in page  # the writer's, kept in the form
    assert 'name="base_revision" value="1"' in page  # saving again now replaces it, knowingly
    assert GroupReport.objects.get(group=assigned[0]).key_points == "Saved on the other phone"
    client.post(rapporteur_page, {**data, "base_revision": 1})
    assert GroupReport.objects.get(group=assigned[0]).key_points == "Typed on this phone"


# The plenary


def test_the_plenary_shows_one_group_at_a_time(client, board, assigned):
    services.save_report(
        group=assigned[1],
        key_points="Keep Article 4 narrow",
        recommendations="",
        questions="",
        base_revision=0,
    )
    page = html(client.get(board + "plenary/"))
    assert "Group 1 of 4" in page and assigned[0].topic_en in page
    assert "The rapporteur has not written the report yet." in page
    assert 'href="?group=2"' in page and "Previous group" not in page
    page = html(client.get(board + "plenary/?group=2"))
    assert "Group 2 of 4" in page and "Keep Article 4 narrow" in page and 'href="?group=1"' in page
    page = html(client.get(board + "plenary/?group=99"))
    assert "Group 4 of 4" in page and "Next group" not in page


def test_the_plenary_stage_polls_with_conditional_requests(client, board, assigned):
    stage = board + "plenary/stage/?group=2"
    first = client.get(stage)
    assert first.status_code == 200 and "Group 2 of 4" in first.content.decode()
    etag = first["ETag"]
    again = client.get(stage, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(board + "plenary/stage/?group=1", headers={"If-None-Match": etag}).status_code == 200
    assert client.get("/km" + stage[3:], headers={"If-None-Match": etag}).status_code == 200  # other language

    services.save_report(
        group=assigned[1], key_points="New point", recommendations="", questions="", base_revision=0
    )
    changed = client.get(stage, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "New point" in changed.content.decode()
    assert changed["ETag"] != etag
    assert client.get(stage, headers={"If-None-Match": changed["ETag"]}).status_code == 304


def test_the_plenary_without_groups(client, board, room):
    BreakoutGroup.objects.all().delete()
    assert "No group yet: the groups and their reports appear here." in html(client.get(board + "plenary/"))
    response = client.get(board + "plenary/stage/")
    assert response.status_code == 200
    assert (
        client.get(board + "plenary/stage/", headers={"If-None-Match": response["ETag"]}).status_code == 304
    )
