"""The demo's group work: the 2014 meeting's 55 checked-in people in four balanced groups, with reports."""

import pytest

from sala.attendance.models import CheckIn
from sala.core.khmer import has_khmer
from sala.demo.groups_loader import load_groups
from sala.participation.models import BreakoutGroup, GroupMember, GroupReport

from .groups_support import spreads

pytestmark = pytest.mark.django_db


def test_four_groups_of_the_checked_in_people_with_their_reports(demo_meeting):
    load_groups(demo_meeting)

    groups = list(BreakoutGroup.objects.filter(meeting=demo_meeting).select_related("rapporteur", "report"))
    assert [g.topic_en for g in groups] == [
        "Freedom of expression provisions",
        "Privacy and personal data",
        "Penalties and due process",
        "Advocacy plan and road map",
    ]
    assert all(has_khmer(g.topic_km) for g in groups)
    checked_in = set(CheckIn.objects.filter(meeting=demo_meeting).values_list("person", flat=True))
    assert len(checked_in) == 55
    assert (
        set(GroupMember.objects.filter(meeting=demo_meeting).values_list("person", flat=True)) == checked_in
    )
    assert spreads(demo_meeting, "size", ["all"]) == {"all": 1}
    kinds = set(
        CheckIn.objects.filter(meeting=demo_meeting).values_list("person__organisation__type", flat=True)
    )
    assert max(spreads(demo_meeting, "kinds", kinds).values()) <= 1
    assert max(spreads(demo_meeting, "genders", ["woman", "man"]).values()) <= 1
    for group in groups:
        assert group.members.filter(person=group.rapporteur).exists()
        assert group.rapporteur.organisation.type in {"cso", "legal", "academia", "media"}
        assert group.report.revision == 1 and group.report.key_points and group.report.recommendations
    assert any(has_khmer(g.report.key_points) for g in groups)

    load_groups(demo_meeting)  # a second run changes nothing
    assert BreakoutGroup.objects.count() == 4 and GroupReport.objects.filter(revision=1).count() == 4
