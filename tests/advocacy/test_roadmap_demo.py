"""The demo's road map and the vote that approved it."""

import pytest

from sala.advocacy.models import Ballot, Decision, Strategy, VoteMark
from sala.advocacy.queries.decisions import results
from sala.attendance.models import CheckIn
from sala.core.models import AuditEntry
from sala.demo.advocacy_loader import load_positions
from sala.demo.inputs_loader import load_inputs
from sala.demo.loader import ensure_organiser
from sala.demo.roadmap_loader import load_roadmap

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo_meeting):
    load_roadmap(demo_meeting, ensure_organiser())
    return demo_meeting.consultation


def test_six_strategies_with_owners_and_time_frames(loaded):
    strategies = list(Strategy.objects.filter(consultation=loaded).select_related("owner"))
    assert len(strategies) == 6
    assert [s.owner.acronym for s in strategies] == ["CCC", "NGO Forum", "CIJ", "YDC", "API", "DRL"]
    for strategy in strategies:
        assert strategy.activity_en and strategy.activity_km and strategy.target_km and strategy.time_frame_km
    assert "joint submission" in strategies[0].activity_en
    assert not strategies[0].articles.exists()  # no draft is chosen until the demo's inputs load


def test_the_road_map_passed_an_anonymous_vote_with_quorum_and_one_objection(loaded, demo_meeting):
    decision = Decision.objects.get(consultation=loaded)
    assert (decision.status, decision.anonymous, decision.pass_rule) == ("closed", True, "two_thirds")
    assert decision.strategies.count() == 6
    # 55 checked in; the 8 government observers and development partners' guests do not vote.
    assert CheckIn.objects.filter(meeting=demo_meeting).count() == 55
    assert (decision.eligible_count, decision.quorum_reached, decision.passed) == (47, True, True)
    assert decision.opened_at.date() == decision.closed_at.date() == demo_meeting.starts_at.date()
    assert "37 of the 38" in decision.statement_en and "៣៧ នាក់" in decision.statement_km
    seen = results(decision, organiser=False)
    assert {t.choice: t.ballots for t in seen.tallies} == {
        "approve": 30,
        "consent": 7,
        "abstain": 2,
        "object": 1,
    }
    assert [o.name for o in seen.objections] == [""] and "media briefing" in seen.objections[0].reason
    assert not Ballot.objects.exclude(voter=None).exists() and VoteMark.objects.count() == 40


def test_a_second_run_changes_nothing(loaded, demo_meeting):
    before = AuditEntry.objects.count()
    load_roadmap(demo_meeting, ensure_organiser())
    assert AuditEntry.objects.count() == before and Strategy.objects.count() == 6


def test_strategies_link_the_articles_and_findings_of_the_loaded_position(demo_meeting):
    organiser = ensure_organiser()
    load_inputs(demo_meeting, organiser)
    load_positions(demo_meeting, organiser)
    load_roadmap(demo_meeting, organiser)
    submission = Strategy.objects.get(owner__acronym="CCC")
    criticised = {
        "Content offences",
        "False information",
        "Powers of the Committee",
        "Collection of traffic data",
    }
    assert {a.heading for a in submission.articles.all()} == criticised
    assert {f.article.heading for f in submission.findings.select_related("article")} == criticised
