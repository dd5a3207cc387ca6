"""New meeting from a concept note: upload or paste it, correct the preview, create the meeting.

The importer reads the document into a draft; the preview shows every field of it, with what
the importer was unsure of highlighted. Nothing is stored until "Create the meeting", and
then all of it or nothing (the agenda rules decide).
"""

import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.importers.concept_note import MAX_BYTES, parse_concept_note
from sala.importers.problems import ImportProblem

from ..forms_concept_note import (
    MB,
    AgendaFormSet,
    AgendaRowForm,
    DraftForm,
    UploadForm,
    read_state,
    sign_state,
)
from ..models import Consultation
from ..services.concept_note import create_meeting_from_concept_note
from .manage_agenda import add_errors
from .manage_meeting import MeetingCreateView

# Where the importer's warnings point ("venue.phones", "agenda[2].start") -> preview fields.
DRAFT_FIELDS = {
    "title": "title",
    "dates": "day",
    "date": "day",
    "start": "start",
    "end": "end",
    "introduction": "introduction",
    "objectives": "objectives",
    "expected_outcomes": "expected_outcomes",
    "participants": "participants_min",
    "participants.min": "participants_min",
    "participants.max": "participants_max",
    "participants.categories": "participant_categories",
    "venue": "venue_name",
    "venue.name": "venue_name",
    "venue.address": "venue_address",
    "venue.phones": "venue_phones",
    "agenda_note": "agenda_note",
    "language": "language",
}
PATH_PART = re.compile(r"[A-Za-z_]+|\d+")


class ConceptNoteUploadView(MeetingCreateView):
    """Step 1: the document. Organisers of the consultation only, as for any new meeting."""

    template_name = "meetings/manage/concept_note_upload.html"

    def empty_form_context(self, consultation: Consultation) -> dict:
        return upload_context(consultation, UploadForm(max_bytes=MAX_BYTES))

    def post(self, request):
        consultation = self.consultation(request)
        form = UploadForm(request.POST, request.FILES, max_bytes=MAX_BYTES)
        if form.is_valid():
            try:
                draft = parse_concept_note(*form.document())
            except ImportProblem as problem:
                form.add_error(None, problem_message(problem))
            else:
                return render_preview(request, consultation, *preview_forms(draft, form.source_name()))
        return render(request, self.template_name, upload_context(consultation, form), status=422)


class ConceptNoteCreateView(MeetingCreateView):
    """Step 2: the corrected preview becomes the meeting, or comes back with the reasons."""

    def get(self, request):
        return redirect(reverse("manage:concept_note_upload") + "?" + request.GET.urlencode())

    def post(self, request):
        consultation = self.consultation(request)
        form = DraftForm(request.POST)
        agenda = AgendaFormSet(request.POST, prefix="agenda")
        if form.is_valid() and agenda.is_valid():
            try:
                meeting = create_meeting_from_concept_note(
                    consultation=consultation,
                    actor=request.user,
                    draft={**form.draft(), "agenda": agenda.draft()},
                    language=form.cleaned_data["language"],
                )
            except DomainError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The meeting is created from the concept note."))
                return redirect("manage:meeting", slug=meeting.slug)
        state = read_state(request.POST.get("state", ""))
        attach_warnings(form, agenda, state["warnings"])
        return render_preview(request, consultation, form, agenda, state, status=422)


def problem_message(problem: ImportProblem) -> str:
    """Why the document cannot be read, in the reader's language (a code without a message
    yet is reported as unreadable rather than failing the page)."""
    try:
        return DomainError(problem.code, **problem.params).message
    except KeyError:
        return DomainError("document.unreadable", **problem.params).message


def upload_context(consultation, form: UploadForm) -> dict:
    return {"consultation": consultation, "form": form, "max_mb": digits(MAX_BYTES // MB)}


def preview_forms(draft: dict, filename: str) -> tuple[DraftForm, AgendaFormSet, dict]:
    """The preview of a fresh draft, its warnings attached to the fields they are about."""
    state = {"warnings": draft.get("warnings") or [], "filename": filename}
    form = DraftForm(initial={**DraftForm.initial_from(draft), "state": sign_state(**state)})
    agenda = AgendaFormSet(
        prefix="agenda", initial=[AgendaRowForm.initial_from(row) for row in draft.get("agenda") or []]
    )
    attach_warnings(form, agenda, state["warnings"])
    return form, agenda, state


def render_preview(request, consultation, form, agenda, state: dict, status: int = 200):
    return render(
        request,
        "meetings/manage/concept_note_preview.html",
        {
            "consultation": consultation,
            "form": form,
            "agenda": agenda,
            "filename": state["filename"],
            "warnings": [warning_text(w) for w in state["warnings"]],
        },
        status=status,
    )


def warning_text(warning: dict) -> str:
    """The warning in the reader's language, quoting the line it is about."""
    text = warning.get("text") or ""
    try:
        return DomainError(warning.get("code", ""), line=digits(warning.get("line") or ""), text=text).message
    except KeyError:  # a code without a message yet: the quoted line at least
        return text


def attach_warnings(form: DraftForm, agenda: AgendaFormSet, warnings: list[dict]) -> None:
    for warning in warnings:
        target, name = warned_field(form, agenda, warning.get("field") or "")
        target.warn(name, warning_text(warning))


def warned_field(form: DraftForm, agenda: AgendaFormSet, path: str) -> tuple:
    """The form and field a warning points at: "agenda[2].facilitators[0].role" -> that row's role."""
    parts = PATH_PART.findall(path)
    if parts[:1] != ["agenda"]:
        return form, DRAFT_FIELDS.get(".".join(parts), "")
    if len(parts) < 2 or not parts[1].isdigit() or int(parts[1]) >= len(agenda.forms):
        return agenda, ""
    row, rest = agenda.forms[int(parts[1])], parts[2:]
    if rest[:1] == ["facilitators"] and len(rest) > 1 and rest[1].isdigit():
        facilitators = row.facilitators.forms
        if int(rest[1]) < len(facilitators):
            return facilitators[int(rest[1])], (rest[2:] or ["name"])[0]
        return row, "title"
    return row, (rest or ["title"])[0]
