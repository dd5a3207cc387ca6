"""The road map: strategies made, changed, moved, removed, and drafted from groups' recommendations."""

from datetime import date

import pytest

from sala.advocacy.models import Finding, Strategy
from sala.advocacy.queries.strategies import road_map
from sala.advocacy.services import strategies as services
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.participation.models import BreakoutGroup, GroupReport
from tests.factories import ConsultationFactory, MeetingFactory

from .conftest import article, make_draft
from .decision_support import add_strategy, open_decision, prepared_decision

pytestmark = pytest.mark.django_db


def entries(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action))


def test_a_strategy_has_an_activity_a_target_an_owner_a_time_frame_and_links(
    consultation, organisations, organiser
):
    finding = Finding.objects.create(consultation=consultation, article=article(consultation, "12"))
    strategy = services.create_strategy(
        consultation=consultation,
        actor=organiser,
        activity_en="Joint submission on the draft",
        activity_km="ការដាក់សំណើរួម",
        target_en="Ministry of Interior",
        owner=organisations[0],
        time_frame_en="July 2014",
        due_on=date(2014, 7, 15),
        articles=[article(consultation, "12"), article(consultation, "13")],
        findings=[finding],
    )
    strategy.refresh_from_db()
    assert (strategy.activity_en, strategy.target_en, strategy.owner, strategy.due_on) == (
        "Joint submission on the draft",
        "Ministry of Interior",
        organisations[0],
        date(2014, 7, 15),
    )
    assert {a.number for a in strategy.articles.all()} == {"12", "13"}
    assert list(strategy.findings.all()) == [finding]
    (entry,) = entries("strategy.created")
    assert entry.scope == f"meetings.consultation:{consultation.pk}"
    assert entry.data["activity"]["km"] == "ការដាក់សំណើរួម" and entry.actor == organiser


def test_an_activity_is_required_and_links_stay_in_the_consultation(consultation):
    with pytest.raises(DomainError) as error:
        services.create_strategy(consultation=consultation, actor=None, activity_en="  ", target_en="MoI")
    assert error.value.code == "strategy.no_activity"
    other_draft = make_draft(consultation.law, label="Another draft")
    with pytest.raises(DomainError) as error:
        add_strategy(consultation, articles=[other_draft.articles.first()])
    assert error.value.code == "strategy.article_not_in_draft"
    elsewhere = Finding.objects.create(consultation=ConsultationFactory())
    with pytest.raises(DomainError) as error:
        add_strategy(consultation, findings=[elsewhere])
    assert error.value.code == "strategy.finding_not_in_consultation"
    assert not Strategy.objects.exists()


def update(strategy: Strategy, **changes) -> Strategy:
    fields = {name: getattr(strategy, name) for name in services.TEXT_FIELDS}
    links = {"owner": strategy.owner, "due_on": strategy.due_on, "articles": [], "findings": []}
    return services.update_strategy(strategy=strategy, actor=None, **fields | links | changes)


def test_a_strategy_put_to_a_vote_keeps_its_activity_and_target_and_stays(consultation, organisations):
    strategy = add_strategy(consultation, "Media briefing")
    prepared_decision(consultation, strategies=[strategy])  # a draft: anything may still change
    strategy = update(strategy, activity_en="Media briefing in Phnom Penh")
    open_decision(consultation, strategies=[strategy])
    for change in ({"activity_en": "Something else"}, {"target_km": "អ្នកសារព័ត៌មាន"}):
        with pytest.raises(DomainError) as error:
            update(strategy, **change)
        assert error.value.code == "strategy.voted_on"
    moved = update(strategy, owner=organisations[1], time_frame_en="August", due_on=date(2014, 8, 1))
    assert (moved.owner, moved.time_frame_en, moved.activity_en) == (
        organisations[1],
        "August",
        "Media briefing in Phnom Penh",
    )
    with pytest.raises(DomainError):
        services.delete_strategy(strategy=strategy, actor=None)
    assert Strategy.objects.filter(pk=strategy.pk).exists()


def test_removing_a_strategy_takes_it_out_of_draft_decisions(consultation, organiser):
    keep, gone = add_strategy(consultation, "Keep"), add_strategy(consultation, "Gone")
    decision = prepared_decision(consultation, strategies=[keep, gone])
    services.delete_strategy(strategy=gone, actor=organiser)
    assert list(decision.strategies.all()) == [keep]
    assert entries("strategy.deleted")[0].data["activity"]["en"] == "Gone"


def test_strategies_move_up_and_down_but_not_off_the_ends(consultation):
    first, _second, third = (add_strategy(consultation, text) for text in ("One", "Two", "Three"))
    services.move_strategy(strategy=third, actor=None, step=-1)
    assert [s.activity_en for s in road_map(consultation)] == ["One", "Three", "Two"]
    with pytest.raises(DomainError) as error:
        services.move_strategy(strategy=first, actor=None, step=-1)
    assert error.value.code == "list.cannot_move"
    assert len(entries("strategy.moved")) == 1


RECOMMENDATIONS = """- Send a joint submission to the Ministry of Interior

2. Meet the development partners before the draft goes to the Council of Ministers
• ប្រជុំពន្យល់អ្នកសារព័ត៌មាន
   a) Publish a plain-language guide
"""


@pytest.fixture
def group(consultation):
    group = BreakoutGroup.objects.create(meeting=consultation.meetings.first(), topic_en="Advocacy")
    GroupReport.objects.create(group=group, recommendations=RECOMMENDATIONS)
    return group


def test_each_line_of_a_group_report_becomes_a_draft_strategy_once(consultation, group, organiser):
    add_strategy(consultation, "Already there")
    made = services.strategies_from_group(group=group, actor=organiser)
    assert [(s.activity_en, s.activity_km) for s in made] == [
        ("Send a joint submission to the Ministry of Interior", ""),
        ("Meet the development partners before the draft goes to the Council of Ministers", ""),
        ("", "ប្រជុំពន្យល់អ្នកសារព័ត៌មាន"),
        ("Publish a plain-language guide", ""),
    ]
    assert all(s.from_group == group for s in made)
    assert road_map(consultation)[0].activity == "Already there"
    (entry,) = entries("strategy.drafted_from_group")
    assert entry.data["count"] == 4 and entry.target == f"participation.breakoutgroup:{group.pk}"
    assert services.strategies_from_group(group=group, actor=organiser) == []
    group.report.recommendations += "\nHold a public forum in each province"
    group.report.save()
    (new,) = services.strategies_from_group(group=group, actor=organiser)
    assert new.activity_en == "Hold a public forum in each province" and new.position == 5


def test_a_group_without_recommendations_drafts_nothing(consultation):
    group = BreakoutGroup.objects.create(meeting=MeetingFactory(consultation=consultation), topic_en="Quiet")
    with pytest.raises(DomainError) as error:
        services.strategies_from_group(group=group, actor=None)
    assert error.value.code == "strategy.no_recommendations"
    GroupReport.objects.create(group=group, recommendations="\n  \n- \n")
    with pytest.raises(DomainError):
        services.strategies_from_group(group=group, actor=None)


def test_the_road_map_is_read_in_a_fixed_number_of_queries(
    consultation, organisations, django_assert_num_queries
):
    for n in range(6):
        add_strategy(
            consultation, f"Strategy {n}", owner=organisations[n % 3], articles=[article(consultation, "5")]
        )
    open_decision(consultation, strategies=list(Strategy.objects.all()[:2]))
    with django_assert_num_queries(4):
        strategies = road_map(consultation)
        assert [len(s.votes) for s in strategies].count(1) == 2
        assert all(s.owner and s.articles.all()[0].number == "5" for s in strategies if s.owner)
