"""A small held meeting with something in every section of its report.

Made through the services where they exist (agenda, attendance, findings, dispositions,
outcome rules, the report summary) and with the models for the parts other modules build
(materials, Q&A, groups, strategies, decisions, ballots, actions, endorsements). People who
must never appear in the report carry names the tests search for.
"""

from datetime import date

import pytest
from django.core.cache import cache

from sala.advocacy.models import ActionItem, Ballot, Decision, Endorsement, OutcomeRule, Strategy
from sala.advocacy.services import decide_inputs, save_finding
from sala.advocacy.services.outcomes import set_outcome_rule
from sala.attendance.services import check_in, invite_people
from sala.meetings import services as meetings
from sala.meetings.models import Material
from sala.participation.models import BreakoutGroup, GroupMember, GroupReport, Question, QuestionBoard
from sala.reports.services import save_report_summary
from tests.advocacy.conftest import add_input, make_draft
from tests.factories import (
    ConsultationFactory,
    LawFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    pp,
)

SLUG = "report-meeting"
# Nobody's name may appear in the report: participants, askers, voters, group members.
PRIVATE_NAMES = ["Sok Participant", "Chan Asker", "Keo Voter", "Lim Member", "Ros Rapporteur"]
OBJECTION = "The time frame is too short for the provincial networks."
KHMER_FINDING = (
    "គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងបទល្មើសបច្ចេកវិទ្យាព័ត៌មានមានអំណាចធំពេកដោយគ្មានការត្រួតពិនិត្យពីតុលាការ "
    "ហើយមាត្រានេះអនុញ្ញាតឱ្យគណៈកម្មាធិការបញ្ជាឱ្យក្រុមហ៊ុនផ្តល់សេវាលុបឬបិទខ្លឹមសារណាមួយដែលខ្លួនយល់ថាមានគ្រោះថ្នាក់។"
)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def report_meeting(organiser):
    """Held on 5 June 2014; the `organiser` fixture organises its consultation."""
    return build_meeting(organiser)


def build_meeting(organiser, *, slug=SLUG, extra: int = 0):
    """The meeting; `extra` adds that many more inputs, questions, groups, strategies and actions."""
    law = LawFactory(title_en="Cybercrime Law", title_km="ច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា")
    consultation = ConsultationFactory(
        slug=f"{slug}-consultation",
        law=law,
        title_en="Consultation on the cybercrime law",
        title_km="កិច្ចពិគ្រោះ",
    )
    consultation.draft = make_draft(law)
    consultation.save()
    consultation.organisers.add(organiser)
    cso = OrganisationFactory(name_en="Cambodian Center for Human Rights", acronym="CCHR", type="cso")
    academia = OrganisationFactory(name_en="Royal University of Law", acronym="RULE", type="academia")
    meeting = MeetingFactory(
        consultation=consultation,
        slug=slug,
        title_en="Consultative meeting on the draft Cybercrime Law",
        title_km="កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាងច្បាប់",
        introduction_en="The draft is broad and vague.",
        purpose_en="Share the findings and agree on a road map.",
        venue_name_en="KSSA meeting room",
        venue_address_en="#19-21, Street 330, Phnom Penh",
        participants_min=4,
        participants_max=8,
    )
    meeting.organisations.add(cso, academia)
    objectives = meetings.set_objectives(
        meeting=meeting,
        actor=organiser,
        rows=[
            meetings.ObjectiveRow("Share the findings", "ចែករំលែកលទ្ធផល"),
            meetings.ObjectiveRow("Agree", ""),
        ],
    )
    outcomes = meetings.set_outcomes(
        meeting=meeting,
        actor=organiser,
        rows=[
            meetings.OutcomeRow("The findings are shared", "លទ្ធផលត្រូវបានចែករំលែក", [objectives[0].pk]),
            meetings.OutcomeRow("Enough people took part", "", [objectives[1].pk]),
        ],
    )
    item = {
        "kind": "registration",
        "title_en": "Registration",
        "title_km": "ការចុះឈ្មោះ",
    }
    meetings.create_agenda_item(meeting=meeting, actor=organiser, starts_at=pp(7, 30), ends_at=pp(8), **item)
    session = meetings.create_agenda_item(
        meeting=meeting,
        actor=organiser,
        starts_at=pp(8),
        ends_at=pp(9, 30),
        kind="session",
        title_en="Key findings of the analysis",
        title_km="លទ្ធផលរកឃើញសំខាន់ៗ",
        sub_items=[("Content offences", ""), ("The committee's powers", "")],
    )
    meetings.add_facilitator(
        item=session,
        actor=organiser,
        person=PersonFactory(name_en="Tek Vannara", title="mr"),
        role_en="Presenter",
        status="confirmed",
    )
    meetings.add_facilitator(item=session, actor=organiser, person=PersonFactory(name_en="Mi Nac"))
    meetings.create_agenda_item(
        meeting=meeting,
        actor=organiser,
        starts_at=pp(9, 30),
        ends_at=pp(11),
        kind="group_work",
        title_en="Groups",
    )
    Material.objects.create(
        item=session, title="Slides", file="m/x.pdf", filename="x.pdf", content_type="text/plain", size=9
    )

    people = [
        PersonFactory(name_en=PRIVATE_NAMES[0], gender="woman", organisation=cso),
        PersonFactory(gender="woman", organisation=cso),
        PersonFactory(gender="man", organisation=academia),
        PersonFactory(gender="man", organisation=academia),
        PersonFactory(gender=""),
        PersonFactory(gender="woman"),  # invited, did not come
    ]
    invite_people(meeting=meeting, people=people, actor=organiser)
    for person in people[:5]:
        check_in(meeting=meeting, person=person, actor=organiser)

    article_12 = consultation.draft.articles.get(number="12")
    given = [add_input(consultation, article=article_12, comment=f"Input {n}") for n in range(4 + extra)]
    given.append(add_input(consultation, article=None, comment="On the whole text"))
    decide_inputs(input=given[0], actor=organiser, status="integrated")
    decide_inputs(input=given[1], actor=organiser, status="merged", merged_into=given[0].pk)
    decide_inputs(input=given[2], actor=organiser, status="not_integrated", reason_en="Beyond the position.")
    decide_inputs(input=given[-1], actor=organiser, status="integrated")
    save_finding(consultation=consultation, article=None, actor=organiser, finding_en="No consultation.")
    save_finding(
        consultation=consultation,
        article=article_12,
        actor=organiser,
        finding_km=KHMER_FINDING,
        recommendation_en="Delete Article 12.",
        wording_en="Article 12 (deleted).",
    )

    board = QuestionBoard.objects.create(item=session)
    asker = PersonFactory(name_en=PRIVATE_NAMES[1])
    Question.objects.create(
        board=board, text="Who decides what is false?", votes=5, status="answered", author=asker
    )
    Question.objects.create(board=board, text="Will the draft be published?", votes=3)
    Question.objects.create(board=board, text="Is there a second meeting?", votes=1)
    Question.objects.create(board=board, text="An abusive question", votes=9, status="hidden")
    Question.objects.create(board=board, text="Waiting for a moderator", votes=0, status="pending")
    for n in range(extra):
        Question.objects.create(board=board, text=f"More question {n}", votes=0)

    for n in range(2 + extra):
        group = BreakoutGroup.objects.create(
            meeting=meeting, position=n, topic_en=f"Group {n + 1}: freedom of expression", rapporteur=None
        )
        if n == 0:
            group.rapporteur = PersonFactory(name_en=PRIVATE_NAMES[4])
            group.save()
            member = PersonFactory(name_en=PRIVATE_NAMES[3])
            GroupMember.objects.create(group=group, meeting=meeting, person=member)
            GroupMember.objects.create(group=group, meeting=meeting, person=people[1])
            GroupReport.objects.create(
                group=group,
                key_points="Article 12 is too broad.",
                recommendations="Delete it.",
                questions="Who enforces it?",
            )

    strategies = [
        Strategy.objects.create(
            consultation=consultation,
            position=n,
            activity_en=f"Meet the Ministry ({n + 1})",
            target_en="Ministry of Posts and Telecommunications",
            owner=cso,
            time_frame_en="July 2014",
        )
        for n in range(2 + extra)
    ]
    decision = Decision.objects.create(
        consultation=consultation,
        meeting=meeting,
        title_en="Approve the road map",
        status="closed",
        pass_rule="majority",
        eligible_count=5,
        passed=True,
        quorum_reached=True,
        statement_en="The road map is approved.",
    )
    decision.strategies.set(strategies[:2])
    voter = PersonFactory(name_en=PRIVATE_NAMES[2])
    Ballot.objects.create(decision=decision, voter=voter, choice="object", reason=OBJECTION)
    Ballot.objects.bulk_create(Ballot(decision=decision, choice="approve") for _ in range(3))
    Ballot.objects.create(decision=decision, choice="consent")
    Decision.objects.create(consultation=consultation, meeting=meeting, title_en="Not opened")  # not shown

    for n in range(2 + extra):
        ActionItem.objects.create(
            consultation=consultation,
            title_en=f"Send the submission ({n + 1})",
            owner_organisation=cso,
            owner=PersonFactory(name_en="Tek Vannara") if n == 0 else None,
            due_on=date(2014, 6, 20),
            status="in_progress",
        )
    Endorsement.objects.create(consultation=consultation, organisation=cso, listed=True)
    Endorsement.objects.create(
        consultation=consultation, organisation=OrganisationFactory(name_en="Quiet Org", acronym="QO")
    )

    set_outcome_rule(
        outcome=outcomes[0],
        kind=OutcomeRule.Kind.FINDINGS_SHARED,
        met_share=80,
        partly_share=50,
        item=session,
        decision=None,
        actor=organiser,
    )
    set_outcome_rule(
        outcome=outcomes[1],
        kind=OutcomeRule.Kind.ATTENDANCE,
        met_share=80,
        partly_share=50,
        item=None,
        decision=None,
        actor=organiser,
    )
    save_report_summary(
        meeting=meeting,
        actor=organiser,
        summary_en="Fifty people met and agreed on a road map.",
        summary_km="អ្នកចូលរួមបានព្រមព្រៀងលើផែនទីបង្ហាញផ្លូវ។",
        qa_summary_en="Most questions were on Article 12.",
        conclusion_en="The coalition will meet the Ministry in July.",
    )
    return meeting
