"""Check-in at the door, on an organiser's phone.

Find a person by part of a name or by the code on their invitation, check them in with one
tap, undo a mistake, and register walk-ins. With HTMX each action swaps only the person's row
(and the count); without JavaScript every form posts and comes back to the search.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.meetings.models import Meeting
from sala.people.models import Organisation, Person
from sala.people.services import find_or_create_organisation

from .. import queries, services
from ..forms import WalkInForm
from ..models import CheckIn
from .base import PeopleMixin
from .figures import CountsView

TEMPLATE = "attendance/manage/checkin.html"
MAX_ROWS = 20  # enough for a fragment of a name; more means: type more of it


def target(meeting: Meeting) -> str:
    """The participant target as the concept note sets it ("50–60", "60" or ""), in the page's digits."""
    bounds = dict.fromkeys(b for b in (meeting.participants_min, meeting.participants_max) if b)
    return "–".join(digits(b) for b in bounds)


def count_context(meeting: Meeting) -> dict:
    return {
        "meeting": meeting,
        "checked_in": CheckIn.objects.filter(meeting=meeting).count(),
        "target": target(meeting),
    }


def search_url(meeting: Meeting, text: str) -> str:
    return reverse("attendance_manage:checkin", args=[meeting.slug]) + "?" + urlencode({"q": text})


def tell_checked_in(request, checkin: CheckIn, created: bool) -> None:
    """The page a plain form post lands on says what happened; HTMX shows it in the row."""
    if created:
        messages.success(request, _("%(name)s is checked in.") % {"name": checkin.person})
    else:
        messages.info(request, _("%(name)s was already checked in.") % {"name": checkin.person})


class CheckInView(PeopleMixin, TemplateView):
    """The search: with HTMX, typing refreshes only the results (the URL keeps the text)."""

    template_name = TEMPLATE

    def get_template_names(self) -> list[str]:
        htmx = self.request.htmx
        return [TEMPLATE + "#results" if htmx and not htmx.history_restore_request else TEMPLATE]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_vary_headers(response, ["HX-Request"])  # the same URL answers a page or its results
        return response

    def get_context_data(self, **kwargs):
        text = self.request.GET.get("q", "").strip()
        rows = queries.people_rows(self.meeting, text) if text else []
        return super().get_context_data(
            q=text, rows=rows[:MAX_ROWS], more=len(rows) > MAX_ROWS, **count_context(self.meeting), **kwargs
        )


class CountView(CountsView):
    """The count at the top of the page, polled: 304 while no one arrives."""

    def render(self, request) -> HttpResponse:
        return render(request, TEMPLATE + "#count", count_context(self.meeting))


class CodeView(CheckInView):
    """A scanned or typed code (a personal link, or its token): whose it is, and their state."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            person = services.person_for_code(self.meeting, request.POST.get("code", ""))
        except DomainError as error:
            return self.reply(status=422, code_error=error.message)
        return self.reply(code_row=queries.person_row(self.meeting, person))

    def reply(self, status: int = 200, **context) -> HttpResponse:
        template = TEMPLATE + "#code_result" if self.request.htmx else TEMPLATE
        return render(self.request, template, self.get_context_data(**context), status=status)


class PersonMixin(PeopleMixin):
    """A person of this meeting only (invited, registered or here): never anyone else's."""

    def get_person(self) -> Person:
        people = queries.meeting_people(self.meeting).select_related("organisation")
        return get_object_or_404(people, pk=self.kwargs["person"])

    def row_reply(self, person: Person) -> HttpResponse:
        """HTMX gets the person's row and the new count; a plain request goes back to the search."""
        if not self.request.htmx:
            return redirect(search_url(self.meeting, self.request.POST.get("q") or person.name))
        context = {
            "row": queries.person_row(self.meeting, person),
            "oob": True,
            **count_context(self.meeting),
        }
        return render(self.request, TEMPLATE + "#row_reply", context)


class CheckInPersonView(PersonMixin, View):
    """One tap: the person is here. Tapping twice, or two organisers at once, make one check-in."""

    def get(self, request, *args, **kwargs):
        return self.row_reply(self.get_person())

    def post(self, request, *args, **kwargs):
        person = self.get_person()
        checkin, created = services.check_in(meeting=self.meeting, person=person, actor=request.user)
        if not request.htmx:
            tell_checked_in(request, checkin, created)
        return self.row_reply(person)


class UndoCheckInView(PersonMixin, TemplateView):
    """A check-in made by mistake is taken back, after a confirmation."""

    template_name = "attendance/manage/checkin_undo.html"

    def get_template_names(self) -> list[str]:
        return [TEMPLATE + "#undo_confirm"] if self.request.htmx else [self.template_name]

    def get_context_data(self, **kwargs):
        person = self.get_person()
        return super().get_context_data(row=queries.person_row(self.meeting, person), q=person.name, **kwargs)

    def post(self, request, *args, **kwargs):
        person = self.get_person()
        checkins = CheckIn.objects.filter(meeting=self.meeting, person=person)
        checkin = checkins.select_related("meeting", "person").first()
        if checkin is not None:  # else someone undid it already: the row shows that
            services.undo_check_in(checkin=checkin, actor=request.user)
        if not request.htmx:
            messages.success(request, _("The check-in of %(name)s is undone.") % {"name": person})
        return self.row_reply(person)


class WalkInView(PeopleMixin, FormView):
    """Someone at the door with no place: registered and checked in, after the duplicate check.

    When someone like them is known, the organiser picks that person (a signed choice, so no
    one can check in a person the check did not offer) or confirms this is someone new.
    """

    template_name = "attendance/manage/checkin_walk_in.html"
    form_class = WalkInForm

    def get_initial(self):
        return {"name": self.request.GET.get("name", "")}

    def get_context_data(self, **kwargs):
        people = queries.meeting_people(self.meeting)
        kwargs["organisations"] = Organisation.objects.filter(people__in=people).distinct()
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if "candidate" in request.POST:
            return self.check_in_candidate(request.POST["candidate"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        organisation = None
        try:
            with transaction.atomic():  # a new organisation is kept only with its new person
                if data["organisation"]:
                    organisation = find_or_create_organisation(name=data["organisation"])
                checkin = services.register_walk_in(
                    meeting=self.meeting,
                    name=data["name"],
                    organisation=organisation,
                    gender=data["gender"],
                    phone=data["phone"],
                    actor=self.request.user,
                    confirm_new="confirm_new" in self.request.POST,
                )
        except DomainError as error:
            form.add_error(None, error.message)
            if error.code != "walk_in.possible_duplicate":
                return self.refused(form, [])
            # Only the organisation's names are read: a new one was rolled back with the rest.
            candidates = queries.possible_duplicates(
                name=data["name"], organisation=organisation, phone=data["phone"]
            )
            return self.refused(form, candidates)
        tell_checked_in(self.request, checkin, created=True)
        return redirect(search_url(self.meeting, checkin.person.name))

    def form_invalid(self, form):
        return self.refused(form, [])

    def refused(self, form, candidates: list[Person]) -> HttpResponse:
        choices = [(person, signing.dumps(person.pk, salt=self.salt())) for person in candidates]
        return self.render_to_response(self.get_context_data(form=form, candidates=choices), status=422)

    def check_in_candidate(self, choice: str) -> HttpResponse:
        try:
            pk = signing.loads(choice, salt=self.salt())
        except signing.BadSignature:
            raise Http404 from None
        person = get_object_or_404(Person, pk=pk, erased_at__isnull=True)
        checkin, created = services.check_in_known(self.meeting, person, self.request.user)
        tell_checked_in(self.request, checkin, created)
        return redirect(search_url(self.meeting, person.name))

    def salt(self) -> str:
        return f"attendance.walk_in_candidate:{self.meeting.pk}"
