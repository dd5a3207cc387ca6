"""Expected outcomes judged from the data: each rule met, partly met and not met; the rule's page.

The data is made with the services where they exist (findings, dispositions, check-ins) and
with the models for what other parts build (materials, strategies, decisions, ballots).
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from sala.advocacy.models import Ballot, Decision, OutcomeRule, Strategy
from sala.advocacy.queries.outcomes import (
    MET,
    NO_RULE,
    NOT_MET,
    PARTLY_MET,
    Facts,
    evaluate,
    meeting_outcomes,
)
from sala.advocacy.services import decide_inputs, save_finding
from sala.advocacy.services.outcomes import set_outcome_rule
from sala.attendance.services import check_in
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings.models import ExpectedOutcome, Material
from tests.factories import AgendaItemFactory, MeetingFactory, PersonFactory, pp

from .conftest import add_input, article

pytestmark = pytest.mark.django_db
Kind = OutcomeRule.Kind


@pytest.fixture
def meeting(consultation):
    """Ours: 5 June 2014, 07:30-12:00, long held; at least 10 and at most 12 participants."""
    meeting = consultation.meetings.get()
    meeting.participants_min, meeting.participants_max = 10, 12
    meeting.save()
    return meeting


@pytest.fixture
def outcome(meeting):
    return ExpectedOutcome.objects.create(meeting=meeting, text_en="The findings are shared", text_km="លទ្ធផល")


@pytest.fixture
def session(meeting):
    return AgendaItemFactory(meeting=meeting, title_en="Key findings", starts_at=pp(8), ends_at=pp(9))


def rule(outcome, organiser, kind, met_share=80, partly_share=50, item=None, decision=None):
    set_outcome_rule(
        outcome=outcome,
        kind=kind,
        met_share=met_share,
        partly_share=partly_share,
        item=item,
        decision=decision,
        actor=organiser,
    )
    return evaluate(ExpectedOutcome.objects.select_related("meeting__consultation").get(pk=outcome.pk))


def add_material(item):
    return Material.objects.create(
        item=item,
        title="Slides",
        file="materials/1/x.pdf",
        filename="x.pdf",
        content_type="application/pdf",
        size=3,
    )


def test_an_outcome_without_a_rule_has_no_status(outcome):
    status = evaluate(outcome)
    assert status.status == NO_RULE and status.label == "No rule chosen"


# Findings shared


def test_findings_shared_is_met_when_the_session_was_held_with_materials_and_findings(
    outcome, organiser, consultation, session
):
    add_material(session)
    save_finding(consultation=consultation, article=None, actor=organiser, finding_en="Too vague.")
    with translation.override("en"):
        status = rule(outcome, organiser, Kind.FINDINGS_SHARED, item=session)
    assert status.status == MET
    assert status.evidence == [
        "“Key findings” was held; it ended at 09:00.",
        "Materials published for it: 1.",
        "Findings written on the draft: 1.",
    ]


def test_findings_shared_is_partly_met_without_materials_or_findings(
    outcome, organiser, consultation, session
):
    save_finding(consultation=consultation, article=None, actor=organiser, finding_en="Too vague.")
    assert rule(outcome, organiser, Kind.FINDINGS_SHARED, item=session).status == PARTLY_MET
    consultation.findings.all().delete()
    add_material(session)
    status = rule(outcome, organiser, Kind.FINDINGS_SHARED, item=session)
    assert status.status == PARTLY_MET and "Findings written on the draft: 0." in status.evidence


def test_findings_shared_is_not_met_before_the_session_ends(organiser, consultation):
    soon = timezone.now() + timedelta(days=3)
    later = MeetingFactory(consultation=consultation, starts_at=soon, ends_at=soon + timedelta(hours=4))
    item = AgendaItemFactory(meeting=later, starts_at=soon, ends_at=soon + timedelta(hours=1))
    add_material(item)
    save_finding(consultation=consultation, article=None, actor=organiser, finding_en="Too vague.")
    outcome = ExpectedOutcome.objects.create(meeting=later, text_en="Shared")
    status = rule(outcome, organiser, Kind.FINDINGS_SHARED, item=item)
    assert status.status == NOT_MET and "has not been held yet" in status.evidence[0]


def test_findings_shared_needs_an_item_of_the_same_meeting(outcome, organiser, consultation):
    with pytest.raises(DomainError) as missing:
        rule(outcome, organiser, Kind.FINDINGS_SHARED)
    assert missing.value.code == "outcome.item_required"
    elsewhere = AgendaItemFactory(meeting=MeetingFactory(consultation=consultation))
    with pytest.raises(DomainError) as other:
        rule(outcome, organiser, Kind.FINDINGS_SHARED, item=elsewhere)
    assert other.value.code == "outcome.item_other_meeting"
    assert not OutcomeRule.objects.exists()


# Inputs integrated


def inputs(consultation, count=10):
    a12 = article(consultation, "12")
    return [add_input(consultation, article=a12, comment=f"Input {n}") for n in range(count)]


def decide(given, organiser, integrated=0, not_integrated=0, merged=0):
    for input in given[:integrated]:
        decide_inputs(input=input, actor=organiser, status="integrated")
    for input in given[integrated : integrated + not_integrated]:
        decide_inputs(input=input, actor=organiser, status="not_integrated", reason_en="Out of scope.")
    for input in given[integrated + not_integrated : integrated + not_integrated + merged]:
        decide_inputs(input=input, actor=organiser, status="merged", merged_into=given[0].pk)


def test_inputs_integrated_is_met_when_enough_are_decided_and_some_integrated(
    outcome, organiser, consultation
):
    decide(inputs(consultation), organiser, integrated=6, not_integrated=1, merged=2)
    with translation.override("en"):
        status = rule(outcome, organiser, Kind.INPUTS_INTEGRATED, met_share=90, partly_share=50)
    assert status.status == MET
    assert status.evidence == [
        "Inputs decided: 9 of 10 (90%; met from 90%).",
        "Integrated into the joint position: 8 of the 9 decided (89%).",  # merged into an integrated one
    ]


def test_inputs_integrated_is_partly_met_between_the_two_shares(outcome, organiser, consultation):
    given = inputs(consultation)
    decide(given, organiser, integrated=6)
    assert rule(outcome, organiser, Kind.INPUTS_INTEGRATED).status == PARTLY_MET  # 60%: from 50, not 80


def test_inputs_integrated_is_partly_met_when_all_are_decided_but_none_integrated(
    outcome, organiser, consultation
):
    decide(inputs(consultation, 4), organiser, not_integrated=4)
    status = rule(outcome, organiser, Kind.INPUTS_INTEGRATED)
    assert status.status == PARTLY_MET
    assert status.evidence[1] == "Integrated into the joint position: 0 of the 4 decided (0%)."


def test_inputs_integrated_is_not_met_with_few_decided_or_no_input(outcome, organiser, consultation):
    assert rule(outcome, organiser, Kind.INPUTS_INTEGRATED).evidence == ["No input has been given yet."]
    decide(inputs(consultation), organiser, integrated=4)
    assert rule(outcome, organiser, Kind.INPUTS_INTEGRATED).status == NOT_MET  # 40% < 50%


def test_shares_must_be_percentages_in_order(outcome, organiser):
    for met, partly in ((50, 80), (120, 50), (80, -1)):
        with pytest.raises(DomainError) as error:
            rule(outcome, organiser, Kind.INPUTS_INTEGRATED, met_share=met, partly_share=partly)
        assert error.value.code == "outcome.bad_shares"


# Strategies approved


def road_map(consultation, count=2):
    return [
        Strategy.objects.create(consultation=consultation, activity_en=f"Strategy {n}") for n in range(count)
    ]


def closed_decision(consultation, strategies, *, passed=True, quorum=True, closed_at=None, status="closed"):
    decision = Decision.objects.create(
        consultation=consultation,
        title_en="Road map vote",
        status=status,
        passed=passed if status == "closed" else None,
        quorum_reached=quorum if status == "closed" else None,
        eligible_count=10 if status == "closed" else None,
        closed_at=(closed_at or timezone.now()) if status == "closed" else None,
    )
    decision.strategies.set(strategies)
    Ballot.objects.bulk_create(Ballot(decision=decision, choice="approve") for _ in range(7))
    return decision


def test_strategies_approved_is_met_when_the_decision_passed_with_quorum(outcome, organiser, consultation):
    decision = closed_decision(consultation, road_map(consultation))
    with translation.override("en"):
        status = rule(outcome, organiser, Kind.STRATEGIES_APPROVED, decision=decision)
    assert status.status == MET
    assert status.evidence == [
        "“Road map vote” passed.",
        "Quorum reached: 7 ballots from 10 eligible (50% needed).",
        "Strategies approved: 2 of 2.",
    ]


def test_strategies_approved_uses_the_latest_closed_decision_when_none_is_chosen(
    outcome, organiser, consultation
):
    strategies = road_map(consultation)
    closed_decision(consultation, strategies, passed=False, closed_at=timezone.now() - timedelta(days=2))
    closed_decision(consultation, strategies, closed_at=timezone.now() - timedelta(days=1))
    closed_decision(consultation, strategies, status="open")
    assert rule(outcome, organiser, Kind.STRATEGIES_APPROVED).status == MET


def test_strategies_approved_is_partly_met_without_quorum_or_with_strategies_left(
    outcome, organiser, consultation
):
    strategies = road_map(consultation, 3)
    without_quorum = closed_decision(consultation, strategies, quorum=False)
    status = rule(outcome, organiser, Kind.STRATEGIES_APPROVED, decision=without_quorum)
    assert status.status == PARTLY_MET and "Strategies approved: 0 of 3." in status.evidence
    some = closed_decision(consultation, strategies[:2])
    status = rule(outcome, organiser, Kind.STRATEGIES_APPROVED, decision=some)
    assert status.status == PARTLY_MET and "Strategies approved: 2 of 3." in status.evidence


def test_strategies_approved_is_not_met_while_open_when_rejected_or_without_decision(
    outcome, organiser, consultation
):
    strategies = road_map(consultation)
    assert rule(outcome, organiser, Kind.STRATEGIES_APPROVED).evidence == [
        "No decision on the strategies has been closed yet."
    ]
    still_open = closed_decision(consultation, strategies, status="open")
    status = rule(outcome, organiser, Kind.STRATEGIES_APPROVED, decision=still_open)
    assert status.status == NOT_MET and status.evidence[0] == "“Road map vote” is not closed yet."
    rejected = closed_decision(consultation, strategies, passed=False)
    assert rule(outcome, organiser, Kind.STRATEGIES_APPROVED, decision=rejected).status == NOT_MET


def test_a_decision_of_another_consultation_is_refused(outcome, organiser):
    other = MeetingFactory().consultation
    with pytest.raises(DomainError) as error:
        rule(outcome, organiser, Kind.STRATEGIES_APPROVED, decision=closed_decision(other, road_map(other)))
    assert error.value.code == "outcome.decision_other_consultation"


# Attendance


def arrive(meeting, organiser, count):
    for person in PersonFactory.create_batch(count):
        check_in(meeting=meeting, person=person, actor=organiser)


@pytest.mark.parametrize(
    ("here", "expected"), [(10, MET), (12, MET), (6, PARTLY_MET), (5, PARTLY_MET), (4, NOT_MET), (0, NOT_MET)]
)
def test_attendance_against_the_lower_target(outcome, organiser, meeting, here, expected):
    arrive(meeting, organiser, here)
    status = rule(outcome, organiser, Kind.ATTENDANCE, partly_share=50)
    assert status.status == expected


def test_attendance_evidence_and_a_meeting_without_target(outcome, organiser, meeting):
    arrive(meeting, organiser, 6)
    with translation.override("km"):
        status = rule(outcome, organiser, Kind.ATTENDANCE, partly_share=50)
    (line,) = status.evidence
    assert (
        "៦០%" in line
        and "១០" in line
        and "៥០%" in line
        and not any(c.isascii() and c.isdigit() for c in line)
    )
    meeting.participants_min = meeting.participants_max = None
    meeting.save()
    assert rule(outcome, organiser, Kind.ATTENDANCE).status == NOT_MET


# All outcomes of a meeting


def test_meeting_outcomes_reads_each_fact_once(
    outcome, organiser, meeting, consultation, session, django_assert_max_num_queries
):
    add_material(session)
    rule(outcome, organiser, Kind.FINDINGS_SHARED, item=session)
    for kind in (Kind.INPUTS_INTEGRATED, Kind.STRATEGIES_APPROVED, Kind.ATTENDANCE):
        other = ExpectedOutcome.objects.create(meeting=meeting, text_en=str(kind.label))
        rule(other, organiser, kind)
    ExpectedOutcome.objects.create(meeting=meeting, text_en="Without a rule")
    meeting = type(meeting).objects.select_related("consultation").get(pk=meeting.pk)
    with django_assert_max_num_queries(10):
        results = meeting_outcomes(meeting, Facts(meeting))
    assert [r.status.status for r in results] == [PARTLY_MET, NOT_MET, NOT_MET, NOT_MET, NO_RULE]


def test_setting_and_removing_a_rule_is_audited(outcome, organiser, meeting, session):
    rule(outcome, organiser, Kind.ATTENDANCE, partly_share=40)
    rule(outcome, organiser, Kind.FINDINGS_SHARED, item=session, decision=None)
    saved = OutcomeRule.objects.get()
    assert (saved.kind, saved.item, saved.partly_share) == (Kind.FINDINGS_SHARED, session, 50)
    set_outcome_rule(
        outcome=outcome, kind="", met_share=80, partly_share=50, item=None, decision=None, actor=organiser
    )
    assert not OutcomeRule.objects.exists()
    entries = AuditEntry.objects.filter(action__startswith="outcome.").order_by("pk")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["outcome.rule_set", "outcome.rule_set", "outcome.rule_removed"]
    assert AuditEntry.objects.filter(action="outcome.rule_set").first().data["title"]["en"] == outcome.text_en


# The organisers' page


def page_url(meeting, rest=""):
    return f"/en/manage/meetings/{meeting.slug}/outcomes/{rest}"


def form_data(outcome, **values):
    return {f"outcome-{outcome.pk}-{name}": value for name, value in values.items()}


def test_the_page_shows_each_outcome_its_status_and_its_form(organiser_client, outcome, meeting, session):
    response = organiser_client.get(page_url(meeting))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="outcome-status"' in html and "No rule chosen" in html
    assert f'id="rule-{outcome.pk}"' in html and f'name="outcome-{outcome.pk}-kind"' in html
    assert "08:00–09:00 Key findings" in html  # the agenda items to choose from


def test_a_plain_post_saves_the_rule_and_comes_back(organiser_client, outcome, meeting, session):
    data = form_data(outcome, kind="findings_shared", met_share="៨០", partly_share="50", item=session.pk)
    response = organiser_client.post(page_url(meeting, f"{outcome.pk}/"), data)
    assert response.status_code == 302 and response["Location"].endswith(f"/outcomes/#rule-{outcome.pk}")
    saved = OutcomeRule.objects.get(outcome=outcome)
    assert (saved.kind, saved.met_share, saved.item) == ("findings_shared", 80, session)
    assert "Partly met" in organiser_client.get(page_url(meeting)).content.decode()  # held, no material


def test_an_htmx_post_answers_with_the_form_and_the_statuses(organiser_client, outcome, meeting, organiser):
    arrive(meeting, organiser, 10)
    data = form_data(outcome, kind="attendance", met_share="80", partly_share="50")
    response = organiser_client.post(page_url(meeting, f"{outcome.pk}/"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<section id="rule-{outcome.pk}"')
    assert 'id="outcome-status"' in html and 'hx-swap-oob="true"' in html and ">Met<" in html


def test_bad_shares_are_explained_and_nothing_is_saved(organiser_client, outcome, meeting):
    data = form_data(outcome, kind="attendance", met_share="40", partly_share="60")
    response = organiser_client.post(page_url(meeting, f"{outcome.pk}/"), data)
    assert response.status_code == 422
    assert "cannot be above" in response.content.decode()
    response = organiser_client.post(
        page_url(meeting, f"{outcome.pk}/"), {**data, **form_data(outcome, met_share="x")}
    )
    assert response.status_code == 422
    assert not OutcomeRule.objects.exists()


def test_the_statuses_answer_304_until_something_changes(organiser_client, outcome, meeting, organiser):
    rule(outcome, organiser, Kind.ATTENDANCE)
    first = organiser_client.get(page_url(meeting, "status/"))
    assert first.status_code == 200 and "Checked in: 0" in first.content.decode()
    again = organiser_client.get(page_url(meeting, "status/"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    arrive(meeting, organiser, 1)
    changed = organiser_client.get(page_url(meeting, "status/"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
