"""The breakout group pages in Khmer show no English of their own (only the data's: names, reports)."""

import re

import pytest
from django.utils import translation

from sala.participation.models import BreakoutGroup, GroupMember, GroupReport
from sala.participation.services import groups as services
from tests.core.test_i18n import data_words, get, latin_words, post, stray_words

from .groups_support import invite, make_room

pytestmark = pytest.mark.django_db


def group_data_words() -> set[str]:
    """Latin words of the groups and reports: data, shown as typed."""
    words = data_words()
    with translation.override("km"):
        for group in BreakoutGroup.objects.all():
            words |= latin_words(group.topic)
    for parts in GroupReport.objects.values_list("key_points", "recommendations", "questions"):
        words |= latin_words(" ".join(parts))
    return words


def assert_khmer(pages: dict[str, str]) -> None:
    stray = stray_words(pages, group_data_words())
    report = "\n".join(f"  {url}: {words}" for url, words in stray.items())
    assert not stray, f"English left on Khmer pages:\n{report}"


def test_organiser_pages_are_all_khmer(client):
    room = make_room()
    client.force_login(room.organiser)
    base = f"/km/manage/meetings/{room.meeting.slug}/groups/"
    pages = {"board before assigning": get(client, base)}
    response = client.post(base + "assign/", headers={"HX-Request": "true"})
    pages["board: assigned (htmx)"] = response.content.decode()
    response = client.post(base + "assign/", follow=True)
    pages["board: everyone placed"] = response.content.decode()
    group = BreakoutGroup.objects.filter(meeting=room.meeting).first()
    person = GroupMember.objects.filter(group=group).first().person
    response = client.post(f"{base}people/{person.pk}/move/", {"group": ""}, follow=True)
    pages["board: moved out"] = response.content.decode()
    response = client.post(f"{base}people/{person.pk}/move/", {"group": "x"}, follow=True)
    pages["board: bad move"] = response.content.decode()
    pages["board: bad move (htmx)"] = client.post(
        f"{base}people/{person.pk}/move/", {"group": "x"}, headers={"HX-Request": "true"}
    ).content.decode()
    pages["create: errors"] = post(client, base + "add/", {"topic_en": "", "topic_km": ""}, 422)
    pages["edit"] = get(client, f"{base}{group.pk}/edit/")
    pages["edit: errors"] = post(client, f"{base}{group.pk}/edit/", {"topic_en": "", "topic_km": ""}, 422)
    pages["delete"] = get(client, f"{base}{group.pk}/delete/")
    pages["plenary: no report yet"] = get(client, base + "plenary/")
    services.save_report(
        group=group, key_points="ចំណុច", recommendations="អនុសាសន៍", questions="?", base_revision=0
    )
    pages["plenary: a report"] = get(client, base + "plenary/?group=1")
    pages["plenary: stage"] = get(client, base + "plenary/stage/?group=2")
    response = client.post(f"{base}{group.pk}/delete/", follow=True)
    pages["board: after deleting"] = response.content.decode()
    BreakoutGroup.objects.all().delete()
    pages["board: no group"] = get(client, base)
    pages["plenary: no group"] = get(client, base + "plenary/")
    assert_khmer(pages)


def test_participant_pages_are_all_khmer(client):
    room = make_room()
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    group = BreakoutGroup.objects.filter(meeting=room.meeting).select_related("rapporteur").first()
    member = GroupMember.objects.filter(group=group).exclude(person=group.rapporteur).first().person
    GroupMember.objects.filter(person=room.people[0]).delete()
    pages = {}
    for name, person in [("member", member), ("rapporteur", group.rapporteur), ("no group", room.people[0])]:
        pages[name] = get(client, f"/km/i/{invite(room.meeting, person).token}/group/")
    rapporteur = f"/km/i/{group.rapporteur.invitations.get().token}/group/"
    data = {"key_points": "ចំណុចសំខាន់", "recommendations": "", "questions": "", "base_revision": 0}
    response = client.post(rapporteur, data, follow=True)
    pages["rapporteur: saved"] = response.content.decode()
    pages["rapporteur: stale"] = post(client, rapporteur, {**data, "key_points": "ផ្សេង"}, 409)
    stale = client.post(rapporteur, {**data, "key_points": "ផ្សេង"}, headers={"Accept": "application/json"})
    pages["rapporteur: stale (autosave message)"] = f"<p>{stale.json()['error']}</p>"
    # The autosave's status line takes its words from the form's data attributes.
    words = re.findall(r'data-(?:saved|saving|offline|failed)="([^"]*)"', pages["rapporteur"])
    assert len(words) == 4
    pages["rapporteur: status line"] = "".join(f"<p>{w}</p>" for w in words)
    assert_khmer(pages)
