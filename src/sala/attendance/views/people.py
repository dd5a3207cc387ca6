"""The organisers' list of people for a meeting: invite, answer for them, erase on request."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from sala.core.errors import DomainError
from sala.people import services as people_services
from sala.people.models import Person

from .. import queries, services
from ..forms import InviteForm, PersonForm, PlacesForm
from ..models import Invitation
from .base import PeopleMixin

PAGE_SIZE = 50


class PeopleView(PeopleMixin, TemplateView):
    template_name = "attendance/manage/people.html"

    def get_context_data(self, **kwargs):
        text = self.request.GET.get("q", "").strip()
        status = self.request.GET.get("status", "")
        rows = queries.people_rows(self.meeting, text, status)
        page = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        unsent = Invitation.objects.filter(meeting=self.meeting, send_count=0).exclude(person__email="")
        return super().get_context_data(
            page_obj=page,
            rows=page.object_list,
            q=text,
            status=status,
            figures=queries.attendance_figures(self.meeting),
            unsent=unsent.count(),
            waiting=queries.waiting_list(self.meeting),
            changes=services.agenda_changes(self.meeting),
            **kwargs,
        )


class PersonAddView(PeopleMixin, FormView):
    """Add someone by hand (a phone call, an email) and invite them."""

    template_name = "attendance/manage/person_form.html"
    form_class = PersonForm

    def get_context_data(self, **kwargs):
        kwargs.setdefault("invite_form", InviteForm(self.request.POST or None))
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        invite_form = InviteForm(self.request.POST)
        if not invite_form.is_valid():
            return self.form_invalid(form)
        with transaction.atomic():
            person = people_services.create_person(
                **{k: v for k, v in form.cleaned_data.items() if v is not None}
            )
            services.invite_people(
                meeting=self.meeting,
                people=[person],
                category=invite_form.cleaned_data["category"],
                actor=self.request.user,
            )
        messages.success(self.request, _("%(name)s is invited.") % {"name": person})
        return redirect("attendance_manage:people", self.meeting.slug)


class PersonMixin(PeopleMixin):
    """A person of this meeting only: an organiser cannot reach people of other meetings."""

    def get_person(self) -> Person:
        return get_object_or_404(queries.meeting_people(self.meeting), pk=self.kwargs["pk"])


class PersonEditView(PersonMixin, FormView):
    template_name = "attendance/manage/person_form.html"
    form_class = PersonForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_person()}

    def form_valid(self, form):
        person = form.instance
        people_services.update_person(
            person=Person.objects.get(pk=person.pk),
            **{name: form.cleaned_data[name] for name in form.changed_data},
        )
        messages.success(self.request, _("Saved."))
        return redirect("attendance_manage:people", self.meeting.slug)


class PersonEraseView(PersonMixin, TemplateView):
    """Remove a person's personal data on request, after a confirmation."""

    template_name = "attendance/manage/confirm.html"

    def get_context_data(self, **kwargs):
        question = _(
            "The name, title, position, email and phone of “%(name)s” will be deleted everywhere in Sala, "
            "on their request. Gender and organisation stay, without a name, so the attendance figures do "
            "not change. This cannot be undone."
        ) % {"name": self.get_person()}
        return super().get_context_data(
            heading=_("Remove personal data"),
            question=question,
            button=_("Yes, remove the personal data"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        people_services.erase_person(person=self.get_person(), actor=request.user, scope=self.meeting)
        messages.success(
            request, _("The person's personal data is removed. The attendance counts keep them.")
        )
        return redirect("attendance_manage:people", self.meeting.slug)


class SendInvitationsView(PeopleMixin, View):
    """Send every invitation not sent yet (people without an email get their link by hand)."""

    def post(self, request, *args, **kwargs):
        pending = Invitation.objects.filter(meeting=self.meeting, send_count=0).select_related("person")
        count = services.send_invitations(meeting=self.meeting, invitations=list(pending), actor=request.user)
        messages.success(
            request,
            ngettext("%(count)s invitation is being sent.", "%(count)s invitations are being sent.", count)
            % {"count": count},
        )
        return redirect("attendance_manage:people", self.meeting.slug)


class InvitationActionView(PeopleMixin, View):
    def invitation(self) -> Invitation:
        return get_object_or_404(
            Invitation.objects.select_related("person"), meeting=self.meeting, pk=self.kwargs["pk"]
        )


class ResendView(InvitationActionView):
    def post(self, request, *args, **kwargs):
        invitation = self.invitation()
        if services.send_invitations(meeting=self.meeting, invitations=[invitation], actor=request.user):
            messages.success(
                request, _("The invitation to %(name)s is sent again.") % {"name": invitation.person}
            )
        else:
            messages.error(request, _("%(name)s has no email address.") % {"name": invitation.person})
        return redirect("attendance_manage:people", self.meeting.slug)


class WithdrawView(InvitationActionView, TemplateView):
    template_name = "attendance/manage/confirm.html"

    def get_context_data(self, **kwargs):
        question = _(
            "The invitation of “%(name)s” will be withdrawn and their personal link will stop working. "
            "A place they held goes to the next person waiting."
        ) % {"name": self.invitation().person}
        return super().get_context_data(
            heading=_("Withdraw the invitation"), question=question, button=_("Yes, withdraw it"), **kwargs
        )

    def post(self, request, *args, **kwargs):
        invitation = self.invitation()
        services.withdraw_invitation(invitation=invitation, actor=request.user)
        messages.success(request, _("The invitation to %(name)s is withdrawn.") % {"name": invitation.person})
        return redirect("attendance_manage:people", self.meeting.slug)


class PlacesView(PeopleMixin, FormView):
    template_name = "attendance/manage/places.html"
    form_class = PlacesForm

    def get_initial(self):
        return {"capacity": self.meeting.capacity, "registration_open": self.meeting.registration_open}

    def form_valid(self, form):
        services.set_places(meeting=self.meeting, actor=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Saved."))
        return redirect("attendance_manage:people", self.meeting.slug)


class AgendaNoticeView(PeopleMixin, View):
    """Send the pending agenda changes now, in one notice per person."""

    def post(self, request, *args, **kwargs):
        try:
            count = services.send_agenda_notices(meeting=self.meeting, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The agenda changes are being sent to %(count)s person.",
                    "The agenda changes are being sent to %(count)s people.",
                    count,
                )
                % {"count": count},
            )
        return redirect("attendance_manage:people", self.meeting.slug)
