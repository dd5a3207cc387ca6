"""The meeting report as an editable Word file: real headings, lists and tables, no pictures of text.

The same sections, in the same order, as `templates/reports/report.html`; Khmer runs get the
complex-script font through `core.docx`.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sala.core.docx import add_heading, add_paragraphs, add_table, add_text, document_bytes, new_document
from sala.core.khmer import digits

from .data import Attendance, DecisionSection, Report


def report_docx(report: Report) -> bytes:
    with translation.override(report.lang):
        document = new_document()
        add_cover(document, report)
        for section in SECTIONS:
            section(document, report)
        return document_bytes(document)


def add_cover(document, report: Report) -> None:
    cover = report.cover
    add_text(document.add_paragraph(style="Title"), cover.title)
    add_text(document.add_paragraph(style="Subtitle"), _("Meeting report"))
    for line in (cover.law, cover.consultation, cover.when, cover.venue, cover.address):
        if line:
            add_text(document.add_paragraph(), line)
    if cover.organisers:
        add_heading(document, _("Organised by"), 3)
        add_list(document, cover.organisers)
    add_text(
        document.add_paragraph(),
        _(
            "Report of %(date)s. It names no participant: attendance is counted, questions, inputs and "
            "votes are shown without who gave them."
        )
        % {"date": report.made_on},
    )


def add_list(document, lines: list[str], numbered: bool = False) -> None:
    for line in lines:
        add_text(document.add_paragraph(style="List Number" if numbered else "List Bullet"), line)


def add_titled(document, heading: str, text: str, level: int = 3, style: str | None = None) -> None:
    if text:
        add_heading(document, heading, level)
        add_paragraphs(document, text, style=style)


def summary(document, report: Report) -> None:
    add_titled(document, _("Summary"), report.summary.summary, level=1)


def about(document, report: Report) -> None:
    note = report.concept_note
    add_heading(document, _("About the meeting"), 1)
    add_paragraphs(document, note.introduction)
    add_titled(document, _("Purpose"), note.purpose, level=2)
    for heading, lines in ((_("Objectives"), note.objectives), (_("Expected outcomes"), note.outcomes)):
        if lines:
            add_heading(document, heading, 2)
            add_list(document, lines, numbered=True)


def attendance(document, report: Report) -> None:
    a: Attendance = report.attendance
    add_heading(document, _("Attendance"), 1)
    rows = [
        [_("Invited"), digits(a.invited)],
        [_("Accepted"), digits(a.accepted)],
        [_("Registered"), digits(a.registered)],
        [_("Checked in"), digits(a.checked_in)],
    ]
    if a.target:
        states = {"below": _("below target"), "above": _("above target")}
        state = states.get(a.target_state, _("within target"))
        rows.append([_("Participant target"), f"{a.target} ({state})"])
    add_table(document, [_("Attendance"), _("People")], rows)
    for heading, counts in (
        (_("By category"), a.by_category),
        (_("By organisation type"), a.by_type),
        (_("By gender"), a.by_gender),
    ):
        add_table(document, [heading, _("Checked in")], [[c.label, digits(c.value)] for c in counts])


def agenda(document, report: Report) -> None:
    if not report.agenda:
        return
    add_heading(document, _("The agenda as held"), 1)
    rows = []
    for row in report.agenda:
        item = "\n".join(
            [
                row.title,
                *(f"• {sub}" for sub in row.sub_items),
                *([_("Led by: %(who)s") % {"who": row.led_by}] if row.led_by else []),
                *([_("Materials: %(n)s") % {"n": digits(row.materials)}] if row.materials else []),
            ]
        )
        people = "\n".join(f"{f.name} ({f.status_label})" for f in row.facilitators)
        rows.append([row.time, item, people])
    add_table(document, [_("Time"), _("Item"), _("Facilitators")], rows)


def findings(document, report: Report) -> None:
    if not report.findings:
        return
    add_heading(document, _("Key findings"), 1)
    for f in report.findings:
        add_heading(document, f.title, 2)
        add_paragraphs(document, f.finding)
        add_titled(document, _("Recommendation"), f.recommendation)
        add_titled(document, _("Proposed wording"), f.wording, style="Quote")


def questions(document, report: Report) -> None:
    if not (report.summary.qa_summary or report.qa):
        return
    add_heading(document, _("Questions and answers"), 1)
    add_paragraphs(document, report.summary.qa_summary)
    for session in report.qa:
        add_heading(document, session.title, 2)
        add_text(
            document.add_paragraph(),
            _("Questions asked: %(asked)s; answered: %(answered)s.")
            % {"asked": digits(session.asked), "answered": digits(session.answered)},
        )
        if session.top:
            add_heading(document, _("Most supported questions"), 3)
            add_list(document, [question_line(q) for q in session.top], numbered=True)


def question_line(question) -> str:
    votes = ngettext("%(counter)s vote", "%(counter)s votes", question.votes) % {
        "counter": digits(question.votes)
    }
    if question.answered:
        votes = f"{votes}; {_('answered')}"
    return f"{question.text} ({votes})"


def groups(document, report: Report) -> None:
    if not report.groups:
        return
    add_heading(document, _("Group work"), 1)
    for g in report.groups:
        add_heading(document, g.topic, 2)
        add_text(
            document.add_paragraph(),
            ngettext("%(counter)s member", "%(counter)s members", g.members) % {"counter": digits(g.members)},
        )
        add_titled(document, _("Key points"), g.key_points)
        add_titled(document, _("Recommendations"), g.recommendations)
        add_titled(document, _("Questions for the plenary"), g.questions)
        if not (g.key_points or g.recommendations or g.questions):
            add_text(document.add_paragraph(), _("The group has not reported yet."))


def inputs(document, report: Report) -> None:
    if not report.inputs:
        return
    add_heading(document, _("Inputs and what became of them"), 1)
    headings = [
        _("Article"),
        _("Inputs"),
        _("Integrated"),
        _("Merged"),
        _("Not integrated"),
        _("Not decided yet"),
    ]
    rows = [
        [r.place, *(digits(n) for n in (r.inputs, r.integrated, r.merged, r.not_integrated, r.undecided))]
        for r in [*report.inputs, report.inputs_total]
    ]
    add_table(document, headings, rows)


def decisions(document, report: Report) -> None:
    if not report.decisions:
        return
    add_heading(document, _("Decisions"), 1)
    for d in report.decisions:
        add_decision(document, d)


def add_decision(document, d: DecisionSection) -> None:
    add_heading(document, d.title, 2)
    add_text(document.add_paragraph(), d.result, bold=True)
    if d.strategies:
        add_heading(document, _("Strategies voted on"), 3)
        add_list(document, d.strategies)
    rows = [[c.label, digits(c.value)] for c in d.counts] + [[_("All ballots"), digits(d.ballots)]]
    add_table(document, [_("Vote"), _("Ballots")], rows)
    if d.eligible:
        turnout = _(
            "Turnout: %(ballots)s of %(eligible)s eligible voters (%(turnout)s%%); "
            "the quorum is %(quorum)s%%."
        ) % {
            "ballots": digits(d.ballots),
            "eligible": digits(d.eligible),
            "turnout": digits(d.turnout),
            "quorum": digits(d.quorum),
        }
    else:
        turnout = _("The quorum is %(quorum)s%% of the eligible voters.") % {"quorum": digits(d.quorum)}
    add_text(document.add_paragraph(), turnout)
    add_titled(document, _("Outcome statement"), d.statement)
    if d.objections:
        add_heading(document, _("Reasons given for objecting"), 3)
        add_list(document, d.objections)


def strategies(document, report: Report) -> None:
    if not report.strategies:
        return
    add_heading(document, _("Strategies and road map"), 1)
    rows = [
        [s.activity, s.target, s.owner, s.when, _("Yes") if s.approved else _("Not yet")]
        for s in report.strategies
    ]
    add_table(document, [_("Activity"), _("Target"), _("Owner"), _("When"), _("Approved")], rows)


def actions(document, report: Report) -> None:
    if not report.actions:
        return
    add_heading(document, _("Follow-up actions"), 1)
    rows = [[a.title, a.owner, a.due, a.status_label] for a in report.actions]
    add_table(document, [_("Action"), _("Owner"), _("Due"), _("Status")], rows)


def outcomes(document, report: Report) -> None:
    if not report.outcomes:
        return
    add_heading(document, _("Expected outcomes: were they met?"), 1)
    rows = [[o.text, o.status_label, "\n".join(o.evidence)] for o in report.outcomes]
    add_table(document, [_("Expected outcome"), _("Status"), _("Why")], rows)


def endorsements(document, report: Report) -> None:
    if report.endorsements:
        add_heading(document, _("Organisations endorsing the joint position"), 1)
        add_list(document, report.endorsements)


def conclusion(document, report: Report) -> None:
    add_titled(document, _("Conclusion and next steps"), report.summary.conclusion, level=1)


SECTIONS = [
    summary,
    about,
    attendance,
    agenda,
    findings,
    questions,
    groups,
    inputs,
    decisions,
    strategies,
    actions,
    outcomes,
    endorsements,
    conclusion,
]
