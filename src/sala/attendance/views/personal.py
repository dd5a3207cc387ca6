"""The invitee's and registrant's own pages, reached by a secret link, no password.

A link shows its holder's place and nothing about anyone else. Pages are private and
never cached by proxies; the link itself is the key, so it is never logged in the page.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from sala.core.errors import DomainError
from sala.core.views import keep_private
from sala.meetings import queries as meeting_queries
from sala.meetings.models import Meeting

from .. import services
from ..forms import RegistrationForm
from ..links import invitation_link, qr_svg, registration_link
from ..models import Invitation, Registration


class PrivatePage(TemplateView):
    def render_to_response(self, context, **kwargs):
        return keep_private(super().render_to_response(context, **kwargs))


def place_context(meeting: Meeting, person) -> dict:
    meeting = meeting_queries.meeting_with_agenda(meeting.slug)
    return {
        "meeting": meeting,
        "items": list(meeting.agenda_items.all()),
        "registration": Registration.objects.filter(meeting=meeting, person=person).first(),
    }


class InvitationView(PrivatePage):
    template_name = "attendance/invitation.html"

    def dispatch(self, request, *args, token, **kwargs):
        self.invitation = get_object_or_404(
            Invitation.objects.select_related("meeting", "person"), token=token
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitation=self.invitation,
            person=self.invitation.person,
            **place_context(self.invitation.meeting, self.invitation.person),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        answer = request.POST.get("answer")
        if answer not in ("accept", "decline"):
            raise Http404
        try:
            services.answer_invitation(invitation=self.invitation, accept=answer == "accept")
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, answer_message(self.invitation))
        return redirect(request.path)


def answer_message(invitation: Invitation) -> str:
    registration = Registration.objects.filter(meeting=invitation.meeting, person=invitation.person).first()
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return _("Thank you. We have noted that you will not come.")
    if registration.status == Registration.Status.WAITLISTED:
        return _("The meeting is full. You are on the waiting list; we will write if a place frees up.")
    return _("Thank you. Your place is confirmed.")


class RegistrationView(PrivatePage):
    template_name = "attendance/registration.html"

    def dispatch(self, request, *args, token, **kwargs):
        self.registration = get_object_or_404(
            Registration.objects.select_related("meeting", "person"), token=token
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.registration.person,
            **place_context(self.registration.meeting, self.registration.person),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("cancel") != "yes":
            raise Http404
        services.cancel_registration(registration=self.registration)
        messages.success(request, _("Your registration is cancelled. Thank you for telling us."))
        return redirect(request.path)


def qr_response(link: str) -> HttpResponse:
    response = HttpResponse(qr_svg(link), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=86400"
    return response


def invitation_qr(request, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation, token=token)
    return qr_response(invitation_link(invitation.token, request.LANGUAGE_CODE))


def registration_qr(request, token: str) -> HttpResponse:
    registration = get_object_or_404(Registration, token=token)
    return qr_response(registration_link(registration.token, request.LANGUAGE_CODE))


class RegisterView(FormView):
    """The open registration form of a public meeting."""

    template_name = "attendance/register.html"
    form_class = RegistrationForm

    def dispatch(self, request, *args, slug, **kwargs):
        self.meeting = get_object_or_404(Meeting, slug=slug)
        if not (self.meeting.is_public and self.meeting.registration_open):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)

    def form_valid(self, form):
        try:
            registration = services.register_from_form(
                meeting=self.meeting, language=self.request.LANGUAGE_CODE, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if registration is None:
            return self.render_to_response(self.get_context_data(form=form, done=True))
        return redirect("attendance:registration", token=registration.token)
