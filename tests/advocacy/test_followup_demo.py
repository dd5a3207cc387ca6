"""The demo's follow-up: eight organisations endorse the published position (two unnamed), and six
actions follow the 2014 meeting, linked to the road map when there is one."""

from datetime import date

import pytest

from sala.advocacy.models import ActionItem, Endorsement, Strategy
from sala.advocacy.queries.actions import consultation_actions
from sala.attendance.models import Invitation
from sala.core.models import AuditEntry
from sala.demo.advocacy_loader import load_positions
from sala.demo.followup_loader import load_followup
from sala.demo.inputs_loader import load_inputs
from sala.demo.loader import ensure_organiser

from .test_endorsements import endorsements_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(demo_meeting):
    organiser = ensure_organiser()
    load_inputs(demo_meeting, organiser)
    load_positions(demo_meeting, organiser)
    consultation = demo_meeting.consultation
    Strategy.objects.create(
        consultation=consultation, activity_en="Submit the joint submission to the ministry"
    )
    load_followup(demo_meeting)
    consultation.refresh_from_db()
    return consultation


def test_eight_organisations_endorse_after_publication(consultation, demo_meeting):
    endorsements = Endorsement.objects.filter(consultation=consultation).select_related("representative")
    assert endorsements.count() == 8 and endorsements.filter(listed=False).count() == 2
    for endorsement in endorsements:
        assert endorsement.endorsed_at > consultation.position_published_at
        assert endorsement.representative.organisation_id == endorsement.organisation_id
        assert Invitation.objects.filter(meeting=demo_meeting, person=endorsement.representative).exists()


def test_six_actions_after_the_meeting(consultation):
    actions = list(consultation_actions(consultation, today=date(2025, 1, 1)))
    assert len(actions) == 6
    assert all(date(2014, 6, 1) <= a.due_on <= date(2014, 9, 30) for a in actions)
    assert all(a.owner and a.owner_organisation and a.title_km for a in actions)
    statuses = [a.status for a in actions]
    assert statuses.count("done") >= 2 and "in_progress" in statuses and statuses.count("open") == 1
    linked = [a for a in actions if a.strategies.exists()]
    assert [a.title_en for a in linked] == [
        "Send the joint submission to the Ministry of Posts and Telecommunications"
    ]


def test_a_second_run_changes_nothing(consultation, demo_meeting):
    before = AuditEntry.objects.count(), ActionItem.objects.count(), Endorsement.objects.count()
    load_followup(demo_meeting)
    assert (AuditEntry.objects.count(), ActionItem.objects.count(), Endorsement.objects.count()) == before


def test_no_endorsement_before_the_position_is_published(demo_meeting):
    load_followup(demo_meeting)  # the demo without inputs has no published position
    assert not Endorsement.objects.exists() and ActionItem.objects.count() == 6


def test_the_public_page_lists_the_named_ones(client, consultation):
    html = endorsements_section(
        client.get("/en/consultations/cybercrime-law-2014/position/").content.decode()
    )
    assert "Cambodian Human Rights Centre (CHRC)" in html and "Mekong Media Centre" not in html
    assert "And 2 more organisations that asked not to be named." in html
