"""Organiser screens for the meeting and its concept note."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from sala.core import audit
from sala.core.errors import DomainError

from .. import queries, services
from ..forms import MeetingForm, ObjectiveFormSet, OutcomeFormSet, ordered_rows
from ..models import Consultation, Meeting
from .base import OrganiserMixin


class DashboardView(LoginRequiredMixin, ListView):
    template_name = "meetings/manage/dashboard.html"
    context_object_name = "meetings"
    paginate_by = 20

    def get_queryset(self):
        return queries.meetings_organised_by(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consultations=queries.consultations_organised_by(self.request.user), **kwargs
        )


class MeetingCreateView(LoginRequiredMixin, View):
    template_name = "meetings/manage/meeting_create.html"

    def consultation(self, request) -> Consultation:
        consultation = get_object_or_404(Consultation, slug=request.GET.get("consultation", ""))
        if not request.user.has_perm("meetings.add_meeting", consultation):
            raise PermissionDenied
        return consultation

    def get(self, request):
        if "consultation" not in request.GET:
            return render(
                request,
                self.template_name,
                {"consultations": queries.consultations_organised_by(request.user)},
            )
        return render(request, self.template_name, self.empty_form_context(self.consultation(request)))

    def empty_form_context(self, consultation: Consultation) -> dict:
        return {"consultation": consultation, "form": MeetingForm()}

    def post(self, request):
        consultation = self.consultation(request)
        form = MeetingForm(request.POST)
        if form.is_valid():
            try:
                meeting = services.create_meeting(
                    consultation=consultation,
                    actor=request.user,
                    organisations=list(form.cleaned_data["organisations"]),
                    **form.service_fields(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The meeting is created. Now add its agenda."))
                return redirect("manage:agenda", slug=meeting.slug)
        return render(request, self.template_name, {"consultation": consultation, "form": form}, status=422)


class MeetingOverviewView(OrganiserMixin, TemplateView):
    template_name = "meetings/manage/overview.html"

    def get_context_data(self, **kwargs):
        items = list(queries.agenda_items_queryset().filter(meeting=self.meeting))
        return super().get_context_data(
            items=items,
            counts=queries.facilitator_counts(items),
            check=queries.agenda_check(self.meeting, items),
            histories=queries.facilitator_histories(items),
            **kwargs,
        )


class MeetingEditView(OrganiserMixin, View):
    """The concept note: the meeting's fields, its objectives and its expected outcomes."""

    template_name = "meetings/manage/meeting_edit.html"

    def forms(self, data=None):
        # The form edits a copy: a refused save must not rename the page it is shown on.
        instance = Meeting.objects.get(pk=self.meeting.pk)
        objectives = list(self.meeting.objectives.all())
        outcomes = self.meeting.outcomes.prefetch_related("objectives")
        return (
            MeetingForm(data, instance=instance),
            ObjectiveFormSet(
                data,
                prefix="objectives",
                initial=[{"id": o.pk, "text_en": o.text_en, "text_km": o.text_km} for o in objectives],
            ),
            OutcomeFormSet(
                data,
                prefix="outcomes",
                form_kwargs={"objectives": objectives},
                initial=[
                    {
                        "id": o.pk,
                        "text_en": o.text_en,
                        "text_km": o.text_km,
                        "objective_ids": [x.pk for x in o.objectives.all()],
                    }
                    for o in outcomes
                ],
            ),
        )

    def render(self, request, forms, status=200):
        form, objectives, outcomes = forms
        return render(
            request,
            self.template_name,
            {
                "meeting": self.meeting,
                "form": form,
                "objectives": objectives,
                "outcomes": outcomes,
            },
            status=status,
        )

    def get(self, request, slug):
        return self.render(request, self.forms())

    def post(self, request, slug):
        forms = self.forms(request.POST)
        form, objectives, outcomes = forms
        if all(f.is_valid() for f in forms):
            try:
                meeting = services.save_concept_note(
                    meeting=self.meeting,
                    actor=request.user,
                    organisations=list(form.cleaned_data["organisations"]),
                    objectives=[
                        services.ObjectiveRow(r["text_en"], r["text_km"], r["id"])
                        for r in ordered_rows(objectives)
                    ],
                    outcomes=[
                        services.OutcomeRow(r["text_en"], r["text_km"], r["objective_ids"], r["id"])
                        for r in ordered_rows(outcomes)
                    ],
                    **form.service_fields(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The concept note is saved."))
                return redirect("manage:meeting", slug=meeting.slug)
        return self.render(request, forms, status=422)


class AuditLogView(OrganiserMixin, ListView):
    permission = "meetings.view_audit_log"
    template_name = "meetings/manage/audit.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        # Inputs, positions, decisions and endorsements belong to the consultation: shown here too.
        return audit.entries_for(self.meeting, self.meeting.consultation)
