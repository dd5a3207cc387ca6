"""The report's data: every section with the right numbers, in the report's language, no names,
and a number of queries that does not grow with the meeting's inputs, questions or groups."""

from dataclasses import asdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from sala.reports.data import (
    CountRow,
    FacilitatorLine,
    InputRow,
    TopQuestion,
    build_report,
)

from .conftest import KHMER_FINDING, OBJECTION, PRIVATE_NAMES, build_meeting

pytestmark = pytest.mark.django_db
CCHR = "Cambodian Center for Human Rights (CCHR)"


@pytest.fixture
def report(report_meeting):
    return build_report(report_meeting, "en")


def test_cover_concept_note_and_written_summary(report):
    cover = report.cover
    assert cover.title == "Consultative meeting on the draft Cybercrime Law"
    assert (cover.law, cover.consultation) == ("Cybercrime Law", "Consultation on the cybercrime law")
    assert cover.when == "Thursday 5 June 2014, 07:30–12:00"
    assert (cover.venue, cover.address) == ("KSSA meeting room", "#19-21, Street 330, Phnom Penh")
    assert cover.organisers == ["Cambodian Center for Human Rights (CCHR)", "Royal University of Law (RULE)"]
    note = report.concept_note
    assert note.objectives == ["Share the findings", "Agree"]
    assert note.outcomes == ["The findings are shared", "Enough people took part"]
    assert note.purpose == "Share the findings and agree on a road map."
    assert report.summary.summary == "Fifty people met and agreed on a road map."
    assert report.summary.qa_summary == "Most questions were on Article 12."
    assert report.summary.conclusion == "The coalition will meet the Ministry in July."


def test_attendance_against_the_target_and_broken_down(report):
    a = report.attendance
    assert (a.invited, a.checked_in, a.target, a.target_state) == (6, 5, "4–8", "within")
    assert CountRow("Woman", 2) in a.by_gender and CountRow("Man", 2) in a.by_gender
    assert CountRow("Not given", 1) in a.by_gender
    assert CountRow("Civil society organisation", 2) in a.by_type and CountRow("Academia", 2) in a.by_type
    assert CountRow("Participant", 5) in a.by_category
    assert sum(c.value for c in a.by_type) == sum(c.value for c in a.by_gender) == 5


def test_the_agenda_as_held_with_facilitators_and_their_status(report):
    assert [row.time for row in report.agenda] == ["07:30–08:00", "08:00–09:30", "09:30–11:00"]
    session = report.agenda[1]
    assert session.title == "Key findings of the analysis" and session.kind == "Session"
    assert session.sub_items == ["Content offences", "The committee's powers"]
    assert session.facilitators == [
        FacilitatorLine("Mr. Tek Vannara, Presenter", "confirmed", "Confirmed"),
        FacilitatorLine("Ms. Mi Nac", "tbc", "To be confirmed"),
    ]
    assert session.materials == 1 and report.agenda[0].materials == 0


def test_findings_inputs_and_what_became_of_them(report):
    assert [f.title for f in report.findings] == ["The text as a whole", "Article 12: Content offences"]
    whole, article_12 = report.findings
    assert whole.finding == "No consultation."
    assert article_12.finding == KHMER_FINDING  # no English written: the Khmer text rather than nothing
    assert article_12.recommendation == "Delete Article 12." and article_12.wording == "Article 12 (deleted)."
    assert report.inputs == [
        InputRow("The text as a whole", 1, 1, 0, 0, 0),
        InputRow("Article 12: Content offences", 4, 1, 1, 1, 1),
    ]
    assert report.inputs_total == InputRow("All inputs", 5, 2, 1, 1, 1)


def test_questions_per_session_without_hidden_or_waiting_ones(report):
    (session,) = report.qa
    assert (session.title, session.asked, session.answered) == ("Key findings of the analysis", 4, 1)
    assert session.top == [
        TopQuestion("Who decides what is false?", 5, True),
        TopQuestion("Will the draft be published?", 3, False),
        TopQuestion("Is there a second meeting?", 1, False),
    ]


def test_group_reports(report):
    first, second = report.groups
    assert (first.topic, first.members) == ("Group 1: freedom of expression", 2)
    assert (first.key_points, first.recommendations, first.questions) == (
        "Article 12 is too broad.",
        "Delete it.",
        "Who enforces it?",
    )
    assert (second.members, second.key_points) == (0, "")


def test_decisions_with_their_results_and_reasons_without_names(report):
    (decision,) = report.decisions  # the draft decision is not shown
    assert decision.title == "Approve the road map" and decision.result == "Passed, with the quorum reached."
    assert decision.counts == [
        CountRow("Consent", 1),
        CountRow("Approve", 3),
        CountRow("Abstain", 0),
        CountRow("Object", 1),
    ]
    assert (decision.ballots, decision.eligible, decision.turnout, decision.quorum) == (5, 5, 100, 50)
    assert decision.objections == [OBJECTION]
    assert decision.strategies == ["Meet the Ministry (1)", "Meet the Ministry (2)"]
    assert decision.statement == "The road map is approved."


def test_road_map_actions_outcomes_and_endorsements(report):
    assert [(s.activity, s.owner, s.when, s.approved) for s in report.strategies] == [
        ("Meet the Ministry (1)", "Cambodian Center for Human Rights (CCHR)", "July 2014", True),
        ("Meet the Ministry (2)", "Cambodian Center for Human Rights (CCHR)", "July 2014", True),
    ]
    assert [(a.title, a.owner, a.due, a.status_label) for a in report.actions] == [
        ("Send the submission (1)", "Tek Vannara (CCHR)", "20 June 2014", "In progress"),
        ("Send the submission (2)", CCHR, "20 June 2014", "In progress"),
    ]
    findings, attendance = report.outcomes
    assert (findings.status, findings.status_label) == ("met", "Met")
    assert findings.evidence[1:] == ["Materials published for it: 1.", "Findings written on the draft: 2."]
    assert attendance.status == "met"
    assert attendance.evidence[0].startswith("Checked in: 5, 125% of the target of 4")
    assert report.endorsements == ["Cambodian Center for Human Rights (CCHR)"]  # the unlisted one is left out


def test_the_report_names_no_participant(report):
    text = repr(asdict(report))
    assert [name for name in PRIVATE_NAMES if name in text] == []


def test_in_khmer_texts_dates_and_numbers_are_khmer(report_meeting):
    with translation.override("en"):  # the language of the request does not matter
        report = build_report(report_meeting, "km")
    assert report.lang == "km"
    assert report.cover.title == "កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាងច្បាប់"
    assert report.cover.when.startswith("ថ្ងៃព្រហស្បតិ៍ ទី៥ ខែមិថុនា ឆ្នាំ២០១៤")
    assert report.cover.law == "ច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា"
    assert report.summary.summary == "អ្នកចូលរួមបានព្រមព្រៀងលើផែនទីបង្ហាញផ្លូវ។"
    assert report.summary.qa_summary == "Most questions were on Article 12."  # falls back to English
    assert report.agenda[1].time == "៨:០០–៩:៣០" and report.attendance.target == "៤–៨"
    assert report.concept_note.objectives == ["ចែករំលែកលទ្ធផល", "Agree"]
    assert "១២" in report.findings[1].title  # the article number in Khmer digits
    assert report.actions[0].due == "ទី២០ ខែមិថុនា ឆ្នាំ២០១៤"


def test_the_number_of_queries_does_not_grow_with_the_meeting(organiser, django_assert_max_num_queries):
    small = build_meeting(organiser, slug="small-meeting")
    large = build_meeting(organiser, slug="large-meeting", extra=12)
    with CaptureQueriesContext(connection) as counted:
        build_report(small, "en")
    with django_assert_max_num_queries(len(counted)):
        report = build_report(large, "en")
    assert len(report.groups) == 14 and report.inputs_total.inputs == 17 and len(report.actions) == 14
    assert report.qa[0].asked == 16 and len(report.qa[0].top) == 3
    assert len(counted) <= 40
