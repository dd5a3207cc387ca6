"""The meeting's audit log: its own entries and its consultation's, nobody else's."""

import pytest

from sala.core import audit
from sala.core.models import AuditEntry
from sala.demo.loader import load_demo

from ..factories import ConsultationFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_meeting_and_its_consultation_but_not_another(organiser_client, demo_meeting):
    other = MeetingFactory(consultation=ConsultationFactory())
    audit.record(action="export.people", scope=demo_meeting)
    audit.record(action="decision.opened", scope=demo_meeting.consultation)
    audit.record(action="decision.closed", scope=other.consultation)
    audit.record(action="person.erased", scope=other)
    page = organiser_client.get(f"/en/manage/meetings/{demo_meeting.slug}/audit/").content.decode()
    assert "and in its consultation" in page
    assert audit.action_label("decision.opened") in page and audit.action_label("export.people") in page
    assert audit.action_label("decision.closed") not in page
    assert audit.action_label("person.erased") not in page


def test_every_action_the_whole_demo_records_has_a_name_in_both_languages():
    load_demo()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert len(actions) > 30 and not actions - set(audit.ACTION_LABELS)
