"""Breakout groups: the organisers' board, the rapporteur's report and the plenary on the projector.

- The board (/manage/meetings/<slug>/groups/) makes groups, assigns the checked-in people
  automatically and lets organisers move anyone by hand. Every form posts: without
  JavaScript the page comes back with a message; with HTMX only the board is swapped.
- A participant's page (/i/<token>/group/) shows their group's topic, rapporteur and size,
  never the other members. The rapporteur gets the report form, saved as they type by
  report.js: that script posts the same form with `Accept: application/json` and gets the
  new revision back (200), or the newer text when theirs is stale (409), so it can keep
  the draft and retry; a plain post redirects, or shows both texts (409) when stale.
- The plenary shows one group's report at a time in large type; the stage polls and gets
  304 while the report (its revision), the group and the language are unchanged.
"""

import hashlib
from functools import cached_property

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.core.models.bilingual import active_language
from sala.meetings.views.base import OrganiserMixin
from sala.people.models import Person

from ..forms_groups import GroupEditForm, GroupForm, MoveForm, ReportForm
from ..models import BreakoutGroup, GroupMember, GroupReport
from ..queries import groups as queries
from ..services import groups as services
from .participant import ParticipantMixin

TEMPLATE = "participation/groups/manage.html"
PLENARY = "participation/groups/plenary.html"


class GroupsMixin(OrganiserMixin):
    permission = "participation.manage_groups"

    def page_url(self) -> str:
        return reverse("participation_manage:groups", args=[self.meeting.slug])

    def board_context(self) -> dict:
        groups = queries.groups_with_members(self.meeting)
        unassigned = queries.unassigned_people(self.meeting)
        return {
            "meeting": self.meeting,
            "groups": groups,
            "unassigned": unassigned,
            "balance": queries.balance(groups, unassigned),
        }

    def reply(self, text: str = "", error: str = "") -> HttpResponse:
        """HTMX gets the board again (with the message in it); a plain post goes back to the page."""
        if self.request.htmx:
            context = {**self.board_context(), "notice": text, "error": error}
            return render(self.request, TEMPLATE + "#board", context, status=422 if error else 200)
        if error:
            messages.error(self.request, error)
        elif text:
            messages.success(self.request, text)
        return redirect(self.page_url())


class GroupsView(GroupsMixin, TemplateView):
    template_name = TEMPLATE

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", GroupForm())
        return super().get_context_data(**self.board_context(), **kwargs)


class GroupAddView(GroupsView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = GroupForm(request.POST)
        if form.is_valid():
            try:
                group = services.create_group(meeting=self.meeting, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The group “%(topic)s” is created.") % {"topic": group.topic})
                return redirect(self.page_url() + f"#group-{group.pk}")
        return self.render_to_response(self.get_context_data(form=form), status=422)


class AssignView(GroupsMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            assigned = services.assign_groups(meeting=self.meeting, actor=request.user)
        except DomainError as error:
            return self.reply(error=error.message)
        if not assigned:
            return self.reply(_("Everyone checked in is already in a group."))
        count = len(assigned)
        text = ngettext(
            "%(count)s person is assigned to a group.", "%(count)s people are assigned to groups.", count
        ) % {"count": digits(count)}
        return self.reply(text)


class MoveView(GroupsMixin, View):
    """One person to another group, or out of every group; `pk` is the person."""

    def post(self, request, *args, **kwargs):
        people = Person.objects.filter(
            Q(check_ins__meeting=self.meeting) | Q(group_memberships__meeting=self.meeting)
        ).distinct()
        person = get_object_or_404(people, pk=kwargs["pk"])
        form = MoveForm(request.POST, groups=BreakoutGroup.objects.filter(meeting=self.meeting))
        if not form.is_valid():
            return self.reply(error=_("Choose a group of this meeting."))
        group = form.cleaned_data["group"]
        try:
            services.move_member(meeting=self.meeting, person=person, group=group, actor=request.user)
        except DomainError as error:
            return self.reply(error=error.message)
        if group is None:
            return self.reply(_("%(name)s is in no group now.") % {"name": person})
        return self.reply(_("%(name)s is in “%(topic)s” now.") % {"name": person, "topic": group.topic})


class GroupObjectMixin(GroupsMixin):
    @cached_property
    def group(self) -> BreakoutGroup:
        return get_object_or_404(BreakoutGroup, pk=self.kwargs["pk"], meeting=self.meeting)


class GroupEditView(GroupObjectMixin, FormView):
    template_name = "participation/groups/edit.html"
    form_class = GroupEditForm

    def get_form_kwargs(self):
        present = Q(check_ins__meeting=self.meeting) | Q(group_memberships__group=self.group)
        candidates = Person.objects.filter(present).distinct().order_by("name_en", "name_km", "pk")
        memberships = GroupMember.objects.filter(meeting=self.meeting).select_related("group")
        return {
            **super().get_form_kwargs(),
            "candidates": candidates,
            "groups": {m.person_id: m.group for m in memberships if m.group_id != self.group.pk},
        }

    def get_initial(self):
        return {
            "topic_en": self.group.topic_en,
            "topic_km": self.group.topic_km,
            "rapporteur": self.group.rapporteur_id,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, **kwargs)

    def form_valid(self, form):
        try:
            services.update_group(group=self.group, actor=self.request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect(self.page_url() + f"#group-{self.group.pk}")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)


class GroupDeleteView(GroupObjectMixin, TemplateView):
    """After a confirmation: the group and its report go; its members are left to be placed again."""

    template_name = "participation/groups/delete.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, cancel_url=self.page_url(), **kwargs)

    def post(self, request, *args, **kwargs):
        topic = self.group.topic
        services.delete_group(group=self.group, actor=request.user)
        messages.success(
            request,
            _("The group “%(topic)s” is deleted; its members are in no group now.") % {"topic": topic},
        )
        return redirect(self.page_url())


# The plenary


def shown(sequence: list[BreakoutGroup], asked: str | None) -> int:
    """The 1-based place of the group to show: ?group=<n>, kept inside the sequence."""
    n = int(asked) if asked and asked.isdigit() else 1
    return min(max(n, 1), len(sequence)) if sequence else 0


def plenary_etag(sequence: list[BreakoutGroup], n: int) -> str:
    """What the stage shows: the group, its report's revision, its topic and rapporteur, the language."""
    if not sequence:
        return quote_etag(f"plenary-none-{active_language()}")
    group = sequence[n - 1]
    revision = report_of(group).revision
    seen = f"{group.topic_en}\0{group.topic_km}\0{group.rapporteur}\0{len(sequence)}"
    digest = hashlib.sha256(seen.encode()).hexdigest()[:12]
    return quote_etag(f"plenary-{group.pk}-{revision}-{digest}-{active_language()}")


def report_of(group: BreakoutGroup) -> GroupReport:
    """The group's report, or an empty one (revision 0) before the first save."""
    try:
        return group.report
    except GroupReport.DoesNotExist:
        return GroupReport(group=group)


def stage_context(meeting, sequence: list[BreakoutGroup], n: int) -> dict:
    group = sequence[n - 1] if sequence else None
    return {
        "meeting": meeting,
        "sequence": sequence,
        "n": n,
        "group": group,
        "report": report_of(group) if group else None,
        "previous": n - 1 if n > 1 else None,
        "next": n + 1 if n < len(sequence) else None,
        "etag": plenary_etag(sequence, n),
    }


class PlenaryView(GroupsMixin, TemplateView):
    template_name = PLENARY

    def get_context_data(self, **kwargs):
        sequence = queries.plenary_sequence(self.meeting)
        n = shown(sequence, self.request.GET.get("group"))
        return super().get_context_data(**stage_context(self.meeting, sequence, n), **kwargs)


class PlenaryStageView(GroupsMixin, View):
    """The stage alone, polled by the plenary page: 304 and no body while it would look the same."""

    def get(self, request, *args, **kwargs):
        sequence = queries.plenary_sequence(self.meeting)
        n = shown(sequence, request.GET.get("group"))
        etag = plenary_etag(sequence, n)
        response = get_conditional_response(request, etag=etag) or render(
            request, PLENARY + "#stage", stage_context(self.meeting, sequence, n)
        )
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        return response


# The participant's page


def draft_key(group: BreakoutGroup, token: str) -> str:
    """Where report.js keeps unsent text in the browser: per group and link, without the link itself."""
    return f"sala.report.{group.pk}.{hashlib.sha256(token.encode()).hexdigest()[:16]}"


class GroupPage(ParticipantMixin, TemplateView):
    """The page of the participant's group; for its rapporteur, the report form."""

    template_name = "participation/groups/participant.html"

    @cached_property
    def group(self) -> BreakoutGroup | None:
        return queries.group_of(self.meeting, self.person)

    @cached_property
    def writes(self) -> bool:
        return rules.test_rule("participation.write_group_report", self.person, self.group)

    def get_context_data(self, **kwargs):
        report = report_of(self.group) if self.group else None
        if self.writes and "form" not in kwargs:
            kwargs["form"] = ReportForm(initial=initial(report))
        return super().get_context_data(
            group=self.group,
            report=report,
            writes=self.writes,
            draft_key=draft_key(self.group, self.participant.token) if self.writes else "",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.writes:
            raise PermissionDenied
        form = ReportForm(request.POST)
        wants_json = request.headers.get("Accept") == "application/json"
        if not form.is_valid():
            return self.refused(
                form, wants_json, 422, error=_("The report could not be read. Reload the page.")
            )
        data = form.cleaned_data
        try:
            report = services.save_report(group=self.group, **data)
        except DomainError as error:
            status = 409 if error.code == "group_report.stale" else 422
            return self.refused(form, wants_json, status, error=error.message)
        if wants_json:
            return JsonResponse({"revision": report.revision})
        messages.success(request, _("Saved."))
        return redirect(request.path)

    def refused(self, form, wants_json: bool, status: int, *, error: str) -> HttpResponse:
        """The writer's text stays in the form; a stale one comes back with the newer text and revision."""
        report = GroupReport.objects.filter(group=self.group).first() or GroupReport(group=self.group)
        if wants_json:
            texts = {name: getattr(report, name) for name in services.REPORT_PARTS}
            return JsonResponse({"error": error, "revision": report.revision, **texts}, status=status)
        if status == 409:
            form = ReportForm({**form.data.dict(), "base_revision": report.revision})
        return self.render_to_response(
            self.get_context_data(form=form, newer=report if status == 409 else None, error=error),
            status=status,
        )


def initial(report: GroupReport) -> dict:
    return {
        **{name: getattr(report, name) for name in services.REPORT_PARTS},
        "base_revision": report.revision,
    }
