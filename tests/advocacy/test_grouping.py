"""group_inputs: campaign near-copies become one group, named by its smallest input id."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sala.advocacy.services import group_inputs
from sala.core.models import AuditEntry
from sala.participation.models import Input
from tests.core.test_nearduplicates import CAMPAIGNS, ENGLISH_WORDS, KHMER_WORDS, distinct_text, edited_copy
from tests.factories import ConsultationFactory

from .conftest import add_input, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(consultation):
    """15 edited copies of an English campaign, 10 of a Khmer one, 12 inputs of their own, shuffled."""
    rng = random.Random(5)
    texts = [("en", edited_copy(CAMPAIGNS[0], ENGLISH_WORDS, rng)) for _ in range(15)]
    texts += [("km", edited_copy(CAMPAIGNS[4], KHMER_WORDS, rng)) for _ in range(10)]
    texts += [("own", distinct_text(rng)) for _ in range(12)]
    rng.shuffle(texts)
    made = {"en": [], "km": [], "own": []}
    for kind, text in texts:
        made[kind].append(add_input(consultation, comment=text).pk)
    return made


def groups_of(ids: list[int]) -> set:
    return set(Input.objects.filter(pk__in=ids).values_list("group", flat=True))


def test_campaign_copies_share_a_group_named_by_their_smallest_id(consultation, mixed):
    assert group_inputs(consultation=consultation) == 2
    assert groups_of(mixed["en"]) == {min(mixed["en"])}
    assert groups_of(mixed["km"]) == {min(mixed["km"])}
    assert groups_of(mixed["own"]) == {None}
    entry = AuditEntry.objects.get(action="consolidation.grouped")
    assert entry.data == {"count": 2, "inputs": 37, "changed": 25}


def test_the_proposed_wording_counts_too(consultation):
    wording = "Article 12 (deleted). " + CAMPAIGNS[2]
    same = [add_input(consultation, comment="I agree.", proposed_wording=wording).pk for _ in range(2)]
    other = add_input(consultation, comment="I agree.", proposed_wording=CAMPAIGNS[3]).pk
    assert group_inputs(consultation=consultation) == 1
    assert groups_of(same) == {same[0]} and groups_of([other]) == {None}


def test_regrouping_clears_stale_groups_and_writes_only_what_changed(consultation, mixed):
    group_inputs(consultation=consultation)
    Input.objects.filter(pk=mixed["own"][0]).update(group=mixed["own"][0])
    Input.objects.filter(pk=min(mixed["en"])).delete()  # the group's name moves to the next copy
    remaining = sorted(mixed["en"])[1:]
    with CaptureQueriesContext(connection) as queries:
        assert group_inputs(consultation=consultation) == 2
    assert groups_of(mixed["own"]) == {None}
    assert groups_of(remaining) == {remaining[0]}
    assert groups_of(mixed["km"]) == {min(mixed["km"])}
    updates = sorted(q["sql"] for q in queries if q["sql"].startswith("UPDATE"))
    assert len(updates) == 2  # per new value: the 14 renamed copies, the one cleared input
    assert updates[0].count(",") == 13 and "NULL" in updates[1]


def test_inputs_of_other_consultations_are_left_alone(consultation, mixed):
    other = ConsultationFactory()
    other.draft = make_draft(other.law)
    other.save()
    stranger = add_input(other, comment=CAMPAIGNS[0])
    Input.objects.filter(pk=stranger.pk).update(group=12345)
    group_inputs(consultation=consultation)
    assert Input.objects.get(pk=stranger.pk).group == 12345
