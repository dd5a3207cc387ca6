"""The meeting report as plain data, built once from the database in a fixed number of queries.

`build_report(meeting, language)` reads everything the report shows, in that language: the
coalition's texts in it (or in the other one when missing), labels, dates and numbers as its
reader reads them. The HTML and PDF (`templates/reports/report.html`) and the Word file
(`docx.py`) only render this data; they never query.

The report names no participant, so it is not an export of personal data (and is not logged
as one): attendance is counted, never listed; questions and inputs are shown without who gave
them; ballots are counted and objection reasons quoted without their voters; groups show
what they reported, not who sat in them. The only people named hold a role the coalition
gave them: the facilitators the public agenda already names, and owners of follow-up actions.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sala.advocacy.models import ActionItem, Ballot, Choice, Decision, Endorsement, Strategy
from sala.advocacy.queries import ELSEWHERE, WHOLE_TEXT, Place, draft_articles, finding_in
from sala.advocacy.queries.outcomes import DecisionFacts, Facts, meeting_outcomes, percent
from sala.advocacy.submission import organisation_name
from sala.attendance.queries import Figures, attendance_figures
from sala.core.khmer import digits, format_date, format_time
from sala.core.templatetags.sala import timespan
from sala.laws.models import Article
from sala.meetings.models import AgendaItem, Meeting
from sala.meetings.queries import meeting_with_agenda
from sala.meetings.templatetags.meetings_tags import person_and_role
from sala.participation.models import BreakoutGroup, Input, Question

from .models import ReportSummary

TOP_QUESTIONS = 3  # per session
MOST_VOTED = [F("votes").desc(), F("pk")]


@dataclass(frozen=True)
class CountRow:
    label: str
    value: int


@dataclass(frozen=True)
class Cover:
    title: str  # the meeting's
    consultation: str
    law: str
    when: str  # "Thursday 5 June 2014, 07:30–12:00"
    venue: str
    address: str
    organisers: list[str]


@dataclass(frozen=True)
class ConceptNote:
    introduction: str
    purpose: str
    objectives: list[str]
    outcomes: list[str]


@dataclass(frozen=True)
class Summary:
    """What people wrote for the report (ReportSummary); empty texts when nothing is written."""

    summary: str
    qa_summary: str
    conclusion: str


@dataclass(frozen=True)
class Attendance:
    target: str  # "50–60", "at least 50", "" when the concept note sets none
    target_state: str  # "below", "within", "above"; "" without a target
    invited: int
    accepted: int
    registered: int
    checked_in: int
    by_category: list[CountRow]
    by_type: list[CountRow]
    by_gender: list[CountRow]


@dataclass(frozen=True)
class FacilitatorLine:
    name: str  # with their title and role
    status: str  # Facilitator.Status
    status_label: str


@dataclass(frozen=True)
class AgendaRow:
    time: str
    kind: str
    title: str
    led_by: str
    sub_items: list[str]
    facilitators: list[FacilitatorLine]
    materials: int


@dataclass(frozen=True)
class FindingSection:
    title: str  # "Article 12: Content offences", or the text as a whole
    finding: str
    recommendation: str
    wording: str


@dataclass(frozen=True)
class TopQuestion:
    text: str
    votes: int
    answered: bool


@dataclass(frozen=True)
class QASession:
    title: str  # the agenda item's
    asked: int  # hidden ones are not counted
    answered: int
    top: list[TopQuestion]  # the most upvoted, shown to everyone, never with a name


@dataclass(frozen=True)
class GroupSection:
    topic: str
    members: int
    key_points: str
    recommendations: str
    questions: str


@dataclass(frozen=True)
class InputRow:
    place: str
    inputs: int
    integrated: int
    merged: int
    not_integrated: int
    undecided: int


@dataclass(frozen=True)
class DecisionSection:
    title: str
    status: str
    status_label: str
    strategies: list[str]
    counts: list[CountRow]  # ballots per choice, every choice
    ballots: int
    eligible: int | None  # unknown while a decision on a list of voters is open
    turnout: int | None  # percent of the eligible
    quorum: int  # percent needed
    quorum_reached: bool | None  # recorded when the decision closes
    passed: bool | None
    result: str  # the outcome in one sentence
    statement: str
    objections: list[str]  # the reasons given, without who gave them


@dataclass(frozen=True)
class StrategyRow:
    activity: str
    target: str
    owner: str
    when: str  # the time frame, else the due date
    approved: bool


@dataclass(frozen=True)
class ActionRow:
    title: str
    owner: str
    due: str
    status: str
    status_label: str


@dataclass(frozen=True)
class OutcomeRow:
    text: str
    status: str
    status_label: str
    evidence: list[str]


@dataclass(frozen=True)
class Report:
    lang: str
    made_on: str
    cover: Cover
    concept_note: ConceptNote
    summary: Summary
    attendance: Attendance
    agenda: list[AgendaRow]
    findings: list[FindingSection]
    qa: list[QASession]
    groups: list[GroupSection]
    inputs: list[InputRow]  # per place with inputs, in the draft's order
    inputs_total: InputRow
    decisions: list[DecisionSection]
    strategies: list[StrategyRow]
    actions: list[ActionRow]
    outcomes: list[OutcomeRow]
    endorsements: list[str]  # organisations that agreed to be listed


def build_report(meeting: Meeting, language: str) -> Report:
    """Everything the report shows, read in a fixed number of queries (about 35), in `language`."""
    with translation.override(language):
        meeting = meeting_with_agenda(meeting.slug)
        consultation = meeting.consultation
        items = list(meeting.agenda_items.all())
        facts = Facts(meeting)
        figures = attendance_figures(meeting)
        articles = draft_articles(consultation)
        per_place, inputs_total = inputs(consultation, articles)
        road_map = list(Strategy.objects.filter(consultation=consultation).select_related("owner"))
        return Report(
            lang=language,
            made_on=format_date(timezone.localdate(), weekday=False),
            cover=cover(meeting),
            concept_note=ConceptNote(
                introduction=meeting.introduction,
                purpose=meeting.purpose,
                objectives=[o.text for o in meeting.objectives.all()],
                outcomes=[o.text for o in meeting.outcomes.all()],
            ),
            summary=summary(meeting),
            attendance=attendance(figures),
            agenda=[agenda_row(item, facts.materials.get(item.pk, 0)) for item in items],
            findings=findings(consultation, articles),
            qa=questions(meeting, items),
            groups=groups(meeting),
            inputs=per_place,
            inputs_total=inputs_total,
            decisions=decisions(meeting, facts, figures, {s.pk: s.activity for s in road_map}),
            strategies=[strategy_row(s, facts.approved_strategies) for s in road_map],
            actions=actions(consultation),
            outcomes=[
                OutcomeRow(r.outcome.text, r.status.status, r.status.label, r.status.evidence)
                for r in meeting_outcomes(meeting, facts)
            ],
            endorsements=[
                organisation_name(e.organisation)
                for e in Endorsement.objects.filter(consultation=consultation, listed=True).select_related(
                    "organisation"
                )
            ],
        )


def cover(meeting: Meeting) -> Cover:
    consultation = meeting.consultation
    return Cover(
        title=meeting.title,
        consultation=consultation.title,
        law=consultation.law.title if consultation.law else "",
        when=timespan(meeting.starts_at, meeting.ends_at),
        venue=meeting.venue_name,
        address=meeting.venue_address,
        organisers=[organisation_name(o) for o in meeting.organisations.all()],
    )


def summary(meeting: Meeting) -> Summary:
    written = ReportSummary.objects.filter(meeting=meeting).first()
    if written is None:
        return Summary("", "", "")
    return Summary(written.summary, written.qa_summary, written.conclusion)


def attendance(figures: Figures) -> Attendance:
    low, high = figures.target_min, figures.target_max
    if low and high:
        target = f"{digits(low)}–{digits(high)}"
    elif low:
        target = _("at least %(count)s") % {"count": digits(low)}
    elif high:
        target = _("at most %(count)s") % {"count": digits(high)}
    else:
        target = ""
    return Attendance(
        target=target,
        target_state=figures.target_state if target else "",
        invited=figures.invited,
        accepted=figures.accepted,
        registered=figures.registered,
        checked_in=figures.checked_in,
        by_category=counts(figures.by_category),
        by_type=counts(figures.by_type),
        by_gender=counts(figures.by_gender),
    )


def counts(rows: list[tuple]) -> list[CountRow]:
    return [CountRow(str(label), value) for label, value in rows]


def agenda_row(item: AgendaItem, materials: int) -> AgendaRow:
    return AgendaRow(
        time=f"{format_time(item.starts_at)}–{format_time(item.ends_at)}",
        kind=item.get_kind_display(),
        title=item.title,
        led_by=item.led_by,
        sub_items=[sub.text for sub in item.sub_items.all()],
        facilitators=[
            FacilitatorLine(person_and_role(f), f.status, f.get_status_display())
            for f in item.facilitators.all()
        ],
        materials=materials,
    )


def findings(consultation, articles: list[Article]) -> list[FindingSection]:
    """The coalition's findings, on the text as a whole first, then article by article."""
    written = {f.article_id: f for f in consultation.findings.all()}
    places = [Place(WHOLE_TEXT), *(Place(str(a.pk), a) for a in articles)]
    return [
        FindingSection(place.label, finding.finding, finding.recommendation, finding.wording)
        for place in places
        if (finding := finding_in(written, place)) is not None
    ]


def questions(meeting: Meeting, items: list[AgendaItem]) -> list[QASession]:
    """Per session with questions: how many were asked and answered, and the most upvoted."""
    status = Question.Status
    asked = {
        row["board__item_id"]: row
        for row in Question.objects.filter(board__item__meeting=meeting)
        .exclude(status=status.HIDDEN)
        .values("board__item_id")
        .annotate(asked=Count("pk"), answered=Count("pk", filter=Q(status=status.ANSWERED)))
        .order_by()
    }
    ranked = (
        Question.objects.filter(
            board__item__meeting=meeting, status__in=[status.APPROVED, status.ANSWERED], merged_into=None
        )
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("board__item_id")], order_by=[F("votes").desc(), F("pk")]
            )
        )
        .filter(rank__lte=TOP_QUESTIONS)
        .order_by("board__item_id", "rank")
        .values_list("board__item_id", "text", "votes", "status")
    )
    top: dict[int, list[TopQuestion]] = {}
    for item_id, text, votes, state in ranked:
        top.setdefault(item_id, []).append(TopQuestion(text, votes, state == status.ANSWERED))
    return [
        QASession(item.title, asked[item.pk]["asked"], asked[item.pk]["answered"], top.get(item.pk, []))
        for item in items
        if item.pk in asked
    ]


def groups(meeting: Meeting) -> list[GroupSection]:
    found = (
        BreakoutGroup.objects.filter(meeting=meeting)
        .select_related("report")
        .annotate(member_count=Count("members"))
        .order_by("position", "pk")  # a query with an aggregate drops Meta.ordering
    )
    sections = []
    for group in found:
        report = getattr(group, "report", None)
        texts = (report.key_points, report.recommendations, report.questions) if report else ("", "", "")
        sections.append(GroupSection(group.topic, group.member_count, *texts))
    return sections


def inputs(consultation, articles: list[Article]) -> tuple[list[InputRow], InputRow]:
    """Inputs per place (the text as a whole, each article, earlier drafts) and what became of them."""
    known = {a.pk for a in articles}
    tallies: dict[str, dict[str, int]] = {}
    rows = (
        Input.objects.filter(consultation=consultation)
        .values_list("article_id", "disposition__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for article_id, state, n in rows:
        key = WHOLE_TEXT if article_id is None else str(article_id) if article_id in known else ELSEWHERE
        tally = tallies.setdefault(key, {})
        tally[state or ""] = tally.get(state or "", 0) + n
    places = [Place(WHOLE_TEXT), *(Place(str(a.pk), a) for a in articles), Place(ELSEWHERE)]
    found = [input_row(place.label, tallies[place.key]) for place in places if place.key in tallies]
    total: dict[str, int] = {}
    for tally in tallies.values():
        for state, n in tally.items():
            total[state] = total.get(state, 0) + n
    return found, input_row(_("All inputs"), total)


def input_row(label: str, tally: dict[str, int]) -> InputRow:
    return InputRow(
        place=label,
        inputs=sum(tally.values()),
        integrated=tally.get("integrated", 0),
        merged=tally.get("merged", 0),
        not_integrated=tally.get("not_integrated", 0),
        undecided=tally.get("", 0),
    )


def decisions(
    meeting: Meeting, facts: Facts, figures: Figures, titles: dict[int, str]
) -> list[DecisionSection]:
    """The meeting's decisions (and the consultation's not tied to a meeting), once opened."""
    shown = [
        f
        for f in facts.decisions
        if f.decision.status != Decision.Status.DRAFT and f.decision.meeting_id in (meeting.pk, None)
    ]
    shown.sort(key=lambda f: f.decision.pk)
    ids = [f.decision.pk for f in shown]
    tallies: dict[tuple[int, str], int] = {
        (d, c): n
        for d, c, n in Ballot.objects.filter(decision_id__in=ids)
        .values_list("decision_id", "choice")
        .annotate(n=Count("pk"))
        .order_by()
    }
    reasons: dict[int, list[str]] = {}
    objections = (
        Ballot.objects.filter(decision_id__in=ids, choice=Choice.OBJECT)
        .exclude(reason="")
        .order_by("decision_id", "reason")
        .values_list("decision_id", "reason")
    )
    for decision_id, reason in objections:
        reasons.setdefault(decision_id, []).append(reason)
    return [decision_section(f, tallies, reasons.get(f.decision.pk, []), titles, figures) for f in shown]


def decision_section(
    found: DecisionFacts, tallies: dict, objections: list[str], titles: dict[int, str], figures: Figures
) -> DecisionSection:
    decision = found.decision
    eligible = decision.eligible_count
    if eligible is None and decision.voters == Decision.Voters.CHECKED_IN:
        eligible = figures.checked_in
    return DecisionSection(
        title=decision.title,
        status=decision.status,
        status_label=decision.get_status_display(),
        strategies=[titles[pk] for pk in sorted(found.strategy_ids) if pk in titles],
        counts=[
            CountRow(str(label), tallies.get((decision.pk, value), 0)) for value, label in Choice.choices
        ],
        ballots=found.ballots,
        eligible=eligible,
        turnout=percent(found.ballots, eligible) if eligible else None,
        quorum=decision.quorum,
        quorum_reached=decision.quorum_reached,
        passed=decision.passed,
        result=decision_result(decision),
        statement=decision.statement,
        objections=objections,
    )


def decision_result(decision: Decision) -> str:
    if decision.status != Decision.Status.CLOSED:
        return _("Voting is still open.")
    if decision.passed:
        if decision.quorum_reached:
            return _("Passed, with the quorum reached.")
        return _("Passed, but without the quorum.")
    if decision.quorum_reached is False:
        return _("Not passed: the quorum was not reached.")
    return _("Not passed.")


def strategy_row(strategy: Strategy, approved: set[int]) -> StrategyRow:
    return StrategyRow(
        activity=strategy.activity,
        target=strategy.target,
        owner=organisation_name(strategy.owner) if strategy.owner else "",
        when=strategy.time_frame or (format_day(strategy.due_on) if strategy.due_on else ""),
        approved=strategy.pk in approved,
    )


def actions(consultation) -> list[ActionRow]:
    found = ActionItem.objects.filter(consultation=consultation).select_related("owner_organisation", "owner")
    return [
        ActionRow(
            title=a.title,
            owner=action_owner(a),
            due=format_day(a.due_on) if a.due_on else "",
            status=a.status,
            status_label=a.get_status_display(),
        )
        for a in found
    ]


def action_owner(action: ActionItem) -> str:
    """ "Tek Vannara (NGO Forum)", the person or the organisation alone when only one is set."""
    organisation = action.owner_organisation
    if action.owner is None:
        return organisation_name(organisation) if organisation else ""
    if organisation is None:
        return str(action.owner)
    return _("%(name)s (%(organisation)s)") % {"name": action.owner, "organisation": organisation}


def format_day(day: date) -> str:
    return format_date(day, weekday=False)
