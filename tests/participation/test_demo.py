"""The demo's inputs: about 130, of every concern and channel, with a campaign of 40 near-copies."""

from collections import Counter

import pytest

from sala.core.models import AuditEntry
from sala.core.nearduplicates import group_near_duplicates
from sala.demo.inputs_loader import load_inputs
from sala.demo.loader import ensure_organiser
from sala.participation.models import Concern, Input

pytestmark = pytest.mark.django_db

CAMPAIGN_MARKS = ("Article 19 of the ICCPR", "មាត្រា ១៩ នៃកតិកាសញ្ញា")


@pytest.fixture
def demo_inputs(demo_meeting):
    load_inputs(demo_meeting, ensure_organiser())
    return Input.objects.filter(consultation=demo_meeting.consultation).select_related("article")


def test_about_130_inputs_of_every_kind(demo_inputs, demo_meeting):
    consultation = demo_meeting.consultation
    assert consultation.draft.law.slug == "cybercrime-law" and consultation.draft.status == "published"
    assert consultation.inputs_open_from.isoformat() == "2014-05-31T17:00:00+00:00"  # 1 June in Phnom Penh
    assert 110 <= demo_inputs.count() <= 140
    assert set(demo_inputs.values_list("concern", flat=True)) == set(Concern.values)
    assert set(demo_inputs.values_list("channel", flat=True)) == {"online", "meeting", "paper"}
    anonymous = demo_inputs.filter(author=None)
    assert 20 <= anonymous.count() <= 60 and not anonymous.exclude(entered_by=None).exists()
    assert demo_inputs.filter(show_author=True).count() >= 10
    assert all(i.created_at.year == 2014 for i in demo_inputs)
    assert demo_inputs.filter(comment__regex=r"[\u1780-\u17ff]").count() >= 25  # Khmer ones too


def test_inputs_fall_on_the_provisions_critics_focused_on(demo_inputs):
    counts = Counter(i.article.heading if i.article else "" for i in demo_inputs)
    top = {heading for heading, _ in counts.most_common(4)}
    assert top == {
        "Content offences",
        "False information",
        "Powers of the Committee",
        "Collection of traffic data",
    }


def test_a_campaign_of_40_near_copies_and_its_khmer_version(demo_inputs):
    campaign = [i for i in demo_inputs if any(mark in i.comment for mark in CAMPAIGN_MARKS)]
    assert len({i.comment for i in campaign}) > 10  # edited, not identical
    assert {i.article.heading for i in campaign} == {"Content offences"}
    khmer = [i.comment for i in campaign if "កតិកាសញ្ញា" in i.comment]
    english = [i.comment for i in campaign if "ICCPR" in i.comment]
    assert (len(english), len(khmer)) == (40, 12)
    for texts in (khmer, english):
        assert group_near_duplicates(texts) == [list(range(len(texts)))]  # each script's copies: one group


def test_loading_again_changes_nothing(demo_inputs, demo_meeting):
    before = (demo_inputs.count(), AuditEntry.objects.count())
    load_inputs(demo_meeting, ensure_organiser())
    assert (demo_inputs.count(), AuditEntry.objects.count()) == before
