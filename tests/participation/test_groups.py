"""Breakout groups through the services: balanced assignment, moves, deletion and the report's autosave."""

import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections
from django.utils import timezone

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.participation.models import BreakoutGroup, GroupMember, GroupReport
from sala.participation.queries import groups as queries
from sala.participation.services import groups as services
from tests.factories import PersonFactory

from .groups_support import KINDS, check_in, counts, make_people, make_room, spreads

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return make_room()


def test_55_people_of_five_types_in_four_balanced_groups(room):
    created = services.assign_groups(meeting=room.meeting, actor=room.organiser)

    assert len(created) == 55 == GroupMember.objects.filter(meeting=room.meeting).count()
    sizes = sorted(t["size"]["all"] for t in counts(room.meeting).values())
    assert sizes == [13, 14, 14, 14]
    # Each type as evenly as it can be: 20 CSO people make 5 per group; 9 lawyers make 2 or 3.
    per_type = {k: sum(p.organisation.type == k for p in room.people) for k in KINDS}
    assert spreads(room.meeting, "kinds", KINDS) == {k: int(n % 4 != 0) for k, n in per_type.items()}
    assert max(spreads(room.meeting, "genders", ["woman", "man"]).values()) <= 1
    # A rapporteur proposed in each group, one of its members.
    for group in BreakoutGroup.objects.filter(meeting=room.meeting):
        assert group.members.filter(person=group.rapporteur).exists()
    entry = AuditEntry.objects.get(action="group.assigned")
    assert (entry.scope, entry.actor, entry.data) == (
        f"meetings.meeting:{room.meeting.pk}",
        room.organiser,
        {"count": 55},
    )


def test_the_same_room_is_always_dealt_the_same_way(room):
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    first = set(GroupMember.objects.values_list("person__name_en", "group__position"))
    GroupMember.objects.all().delete()
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    assert set(GroupMember.objects.values_list("person__name_en", "group__position")) == first


def test_existing_members_stay_and_latecomers_even_the_groups_out(room):
    first, second = room.groups[:2]
    placed = room.people[:6]
    for person in placed:
        services.move_member(meeting=room.meeting, person=person, group=first, actor=room.organiser)
    services.move_member(meeting=room.meeting, person=room.people[6], group=second, actor=room.organiser)

    created = services.assign_groups(meeting=room.meeting, actor=room.organiser)

    assert len(created) == 55 - 7
    assert set(first.members.values_list("person", flat=True)) >= {p.pk for p in placed}
    assert second.members.filter(person=room.people[6]).exists()
    assert spreads(room.meeting, "size", ["all"]) == {"all": 1}
    # Latecomers checked in after the assignment join the smallest groups; nobody moves.
    before = set(GroupMember.objects.values_list("person", "group"))
    late = make_people([("cso", 2, 1)], prefix="Late ")
    check_in(room.meeting, late)
    assert len(services.assign_groups(meeting=room.meeting, actor=room.organiser)) == 3
    assert before <= set(GroupMember.objects.values_list("person", "group"))
    assert spreads(room.meeting, "size", ["all"]) == {"all": 1}
    assert services.assign_groups(meeting=room.meeting, actor=room.organiser) == []


def test_assigning_into_chosen_groups_only(room):
    chosen = room.groups[:2]
    services.assign_groups(meeting=room.meeting, actor=room.organiser, groups=chosen)
    sizes = {g.pk: g.members.count() for g in room.groups}
    assert sorted(sizes.values()) == [0, 0, 27, 28]
    assert {pk for pk, size in sizes.items() if size} == {g.pk for g in chosen}


def test_no_group_no_assignment(db):
    room = make_room(slug="empty-room", groups=0)
    with pytest.raises(DomainError) as refused:
        services.assign_groups(meeting=room.meeting, actor=room.organiser)
    assert refused.value.code == "group.none"
    assert not GroupMember.objects.exists()


def test_only_checked_in_people_join_and_one_group_each(room):
    stranger = PersonFactory(name_en="Not Here")
    with pytest.raises(DomainError) as refused:
        services.move_member(
            meeting=room.meeting, person=stranger, group=room.groups[0], actor=room.organiser
        )
    assert refused.value.code == "group.not_checked_in"
    services.move_member(
        meeting=room.meeting, person=room.people[0], group=room.groups[0], actor=room.organiser
    )
    with pytest.raises(IntegrityError):  # the database keeps one group per person and meeting
        GroupMember.objects.create(meeting=room.meeting, group=room.groups[1], person=room.people[0])


def assigned(room) -> list[BreakoutGroup]:
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    return list(BreakoutGroup.objects.filter(meeting=room.meeting).select_related("rapporteur"))


def test_move_by_hand(room):
    group = assigned(room)[0]
    rapporteur = group.rapporteur
    target = room.groups[1]

    services.move_member(meeting=room.meeting, person=rapporteur, group=target, actor=room.organiser)

    assert GroupMember.objects.get(person=rapporteur).group == target
    group.refresh_from_db()
    assert group.rapporteur is None  # a rapporteur who leaves is no longer one
    entry = AuditEntry.objects.filter(action="group.member_moved").get()
    assert entry.target == f"people.person:{rapporteur.pk}" and entry.data["group"]["en"] == target.topic_en

    services.move_member(meeting=room.meeting, person=rapporteur, group=None, actor=room.organiser)
    assert not GroupMember.objects.filter(person=rapporteur).exists()
    assert rapporteur in queries.unassigned_people(room.meeting)
    # Moving to where one is already, or out of no group, changes and records nothing.
    services.move_member(meeting=room.meeting, person=rapporteur, group=None, actor=room.organiser)
    assert AuditEntry.objects.filter(action="group.member_moved").count() == 2


def test_a_group_of_another_meeting_is_refused(room):
    other = make_room(slug="other-room", groups=1)
    with pytest.raises(DomainError) as refused:
        services.move_member(
            meeting=room.meeting, person=room.people[0], group=other.groups[0], actor=room.organiser
        )
    assert refused.value.code == "group.other_meeting"


def test_the_rapporteur_joins_the_group(room):
    first, second = assigned(room)[:2]
    chosen = second.rapporteur

    services.update_group(
        group=first, topic_en="Expression", topic_km="សេរីភាពបញ្ចេញមតិ", rapporteur=chosen, actor=room.organiser
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.topic_en, first.rapporteur) == ("Expression", chosen)
    assert GroupMember.objects.get(person=chosen).group == first
    assert second.rapporteur is None
    with pytest.raises(DomainError) as refused:
        services.update_group(group=first, topic_en=" ", topic_km="", rapporteur=None, actor=room.organiser)
    assert refused.value.code == "group.no_topic"


def test_delete_group_leaves_its_members_unassigned(room):
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    group = room.groups[0]
    members = set(group.members.values_list("person", flat=True))
    services.save_report(group=group, key_points="A", recommendations="", questions="", base_revision=0)

    services.delete_group(group=group, actor=room.organiser)

    assert not BreakoutGroup.objects.filter(pk=group.pk).exists()
    assert not GroupReport.objects.exists()
    assert {p.pk for p in queries.unassigned_people(room.meeting)} == members
    entry = AuditEntry.objects.get(action="group.deleted")
    assert entry.data == {"title": {"en": group.topic_en, "km": group.topic_km}, "people": len(members)}
    # The next assignment places them again, in the three groups left.
    assert len(services.assign_groups(meeting=room.meeting, actor=room.organiser)) == len(members)


def test_new_groups_go_last(room):
    group = services.create_group(
        meeting=room.meeting, topic_en="", topic_km="ការតាមដាន", actor=room.organiser
    )
    assert list(BreakoutGroup.objects.filter(meeting=room.meeting))[-1] == group
    with pytest.raises(DomainError):
        services.create_group(meeting=room.meeting, topic_en="", topic_km="", actor=room.organiser)


# The report's autosave


def save(group, base: int, key_points: str, recommendations: str = "", questions: str = "") -> GroupReport:
    return services.save_report(
        group=group,
        key_points=key_points,
        recommendations=recommendations,
        questions=questions,
        base_revision=base,
    )


def test_each_save_counts_a_revision(room):
    group = room.groups[0]
    assert save(group, 0, "First point").revision == 1
    assert save(group, 1, "First point\r\nSecond point  ").revision == 2
    report = GroupReport.objects.get(group=group)
    assert (report.key_points, report.revision) == ("First point\nSecond point", 2)
    assert save(group, 2, "First point\nSecond point").revision == 2  # nothing changed: no new revision


def test_a_stale_save_is_refused_and_nothing_is_lost(room):
    group = room.groups[0]
    save(group, 0, "Phone A: the law is vague")
    save(group, 1, "Phone A: the law is vague. Article 28 too.")

    with pytest.raises(DomainError) as refused:
        save(group, 1, "Phone B: started from revision 1")
    assert refused.value.code == "group_report.stale"
    assert "Someone else saved this report" in refused.value.message
    report = GroupReport.objects.get(group=group)
    assert (report.key_points, report.revision) == ("Phone A: the law is vague. Article 28 too.", 2)
    # A retried request carrying the stored text is no conflict.
    assert save(group, 1, "Phone A: the law is vague. Article 28 too.").revision == 2
    # Having seen the newer text, the writer saves from its revision.
    assert save(group, 2, "Both phones' points").revision == 3


def test_report_saves_are_audited_sparingly(room):
    group = room.groups[0]
    for n in range(5):
        save(group, n, "x" * (n + 1))
    entries = AuditEntry.objects.filter(action="group_report.saved")
    assert entries.count() == 1
    assert entries.get().data["revision"] == 1
    entries.update(at=timezone.now() - timedelta(minutes=6))
    save(group, 5, "later")
    assert entries.count() == 2


def test_a_report_part_has_a_length_limit(room):
    with pytest.raises(DomainError) as refused:
        save(room.groups[0], 0, "x" * (services.MAX_REPORT + 1))
    assert refused.value.code == "group_report.too_long"
    assert not GroupReport.objects.filter(revision__gt=0).exists()


# Reads


def test_reads_take_a_fixed_number_of_queries(room, django_assert_num_queries):
    services.assign_groups(meeting=room.meeting, actor=room.organiser)
    GroupMember.objects.filter(person__in=room.people[:3]).delete()
    with django_assert_num_queries(2):
        groups = queries.groups_with_members(room.meeting)
        table = queries.balance(groups, [])
    with django_assert_num_queries(1):
        unassigned = queries.unassigned_people(room.meeting)
    assert len(unassigned) == 3
    table = queries.balance(groups, unassigned)
    assert [row.size for row in table.rows] == [g.members.count() for g in room.groups] + [3]
    assert table.genders == ["Woman", "Man"]
    assert table.kinds == [
        "Civil society organisation",
        "Academia",
        "Legal profession",
        "Government",
        "Media",
    ]
    with django_assert_num_queries(1):
        assert len(queries.plenary_sequence(room.meeting)) == 4
    person = room.people[10]
    with django_assert_num_queries(1):
        group = queries.group_of(room.meeting, person)
    assert group.size == group.members.count()
    assert queries.group_of(room.meeting, room.people[0]) is None


# Under concurrency (PostgreSQL row locks)


def in_parallel(calls) -> list:
    """Run the calls at the same moment, one thread each; their results or exceptions, in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(n, call):
        try:
            barrier.wait()
            results[n] = call()
        except Exception as error:
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_parallel_saves_from_one_revision_keep_one_and_refuse_the_others():
    room = make_room(slug="parallel-saves", groups=1)
    group = room.groups[0]
    results = in_parallel([lambda n=n: save(group, 0, f"Phone {n}") for n in range(8)])
    saved = [r for r in results if isinstance(r, GroupReport)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(saved) == 1 and len(refused) == 7, results
    assert {e.code for e in refused} == {"group_report.stale"}
    report = GroupReport.objects.get(group=group)
    assert (report.revision, report.key_points) == (1, saved[0].key_points)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_two_organisers_assigning_at_once_place_everyone_once():
    room = make_room(slug="parallel-assign")
    results = in_parallel([lambda: services.assign_groups(meeting=room.meeting, actor=room.organiser)] * 2)
    assert sorted(len(r) for r in results) == [0, 55], results
    assert GroupMember.objects.filter(meeting=room.meeting).count() == 55
    assert spreads(room.meeting, "size", ["all"]) == {"all": 1}
