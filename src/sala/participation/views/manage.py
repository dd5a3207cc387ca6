"""The organisers' input screens for one consultation: the list, transcription, the window, the draft."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.laws.models import Article

from .. import queries, services
from ..forms import DraftChoiceForm, FilterForm, PlaceForm, TranscriptionForm, WindowForm
from ..models import Input
from .base import InputsOrganiserMixin, UnprocessableMixin

PAGE_SIZE = 50
UNPLACED_SHOWN = 20  # each comes with a choice of every article: a long law makes a heavy page


def filtered(request, consultation, articles: list[Article]) -> tuple[FilterForm, QuerySet[Input]]:
    """The list's filters as the query string gives them, and the inputs they leave."""
    form = FilterForm(
        request.GET or None, articles=articles, organisations=queries.input_organisations(consultation)
    )
    return form, queries.filtered_inputs(consultation, **(form.filters() if form.is_bound else {}))


class InputListView(InputsOrganiserMixin, TemplateView):
    template_name = "participation/manage/inputs.html"

    def get_context_data(self, **kwargs):
        articles = queries.draft_articles(self.consultation.draft)
        form, inputs = filtered(self.request, self.consultation, articles)
        page = Paginator(inputs, PAGE_SIZE).get_page(self.request.GET.get("page"))
        unplaced = queries.unplaced_inputs(self.consultation)
        return super().get_context_data(
            filter_form=form,
            page_obj=page,
            inputs=page.object_list,
            unplaced=list(unplaced[:UNPLACED_SHOWN]),
            unplaced_count=unplaced.count(),
            articles=articles,
            window=services.window_state(self.consultation),
            export_query=self.request.GET.urlencode(),
            **kwargs,
        )


class InputAddView(InputsOrganiserMixin, UnprocessableMixin, FormView):
    """Type up inputs from paper forms, meeting notes or emails, one after the other."""

    template_name = "participation/manage/input_add.html"
    form_class = TranscriptionForm

    def get_initial(self):
        return {
            name: self.request.GET.get(name) for name in ("channel", "meeting") if self.request.GET.get(name)
        }

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "consultation": self.consultation,
            "people": queries.consultation_people(self.consultation),
        }

    def form_valid(self, form):
        try:
            services.give_input(
                consultation=self.consultation, entered_by=self.request.user, **form.service_fields()
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The input is saved. Type the next one, or go back to the list."))
        meeting = form.cleaned_data["meeting"]
        keep = {"channel": form.cleaned_data["channel"], **({"meeting": meeting.pk} if meeting else {})}
        return redirect(f"{self.request.path}?{urlencode(keep)}")


class WindowView(InputsOrganiserMixin, UnprocessableMixin, FormView):
    template_name = "participation/manage/window.html"
    form_class = WindowForm

    def get_initial(self):
        return {"opens": self.consultation.inputs_open_from, "closes": self.consultation.inputs_open_until}

    def form_valid(self, form):
        try:
            services.set_input_window(
                consultation=self.consultation,
                opens=form.cleaned_data["opens"],
                closes=form.cleaned_data["closes"],
                actor=self.request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved."))
        return redirect("participation_manage:inputs", self.consultation.slug)


class DraftView(InputsOrganiserMixin, TemplateView):
    """Move the consultation to another published version: choose, see what it does, confirm."""

    template_name = "participation/manage/draft.html"

    def get_context_data(self, **kwargs):
        versions = queries.other_versions(self.consultation)
        kwargs.setdefault("form", DraftChoiceForm(versions=versions))
        return super().get_context_data(has_versions=versions.exists(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = DraftChoiceForm(request.POST, versions=queries.other_versions(self.consultation))
        if form.is_valid():
            try:
                return self.plan_or_switch(form.cleaned_data["draft"])
            except DomainError as error:
                form.add_error(None, error.message)
        return self.render_to_response(self.get_context_data(form=form), status=422)

    def plan_or_switch(self, draft):
        if self.request.POST.get("confirm") != "yes":
            plan = services.plan_switch(consultation=self.consultation, new_draft=draft)
            return self.render_to_response(self.get_context_data(plan=plan))
        report = services.switch_draft(
            consultation=self.consultation, new_draft=draft, actor=self.request.user
        )
        messages.success(self.request, switch_message(report))
        url = reverse("participation_manage:inputs", args=[self.consultation.slug])
        return redirect(url + ("#unplaced" if report.unplaced else ""))


def switch_message(report: services.SwitchReport) -> str:
    moved = ngettext(
        "%(count)s input moved to its article in “%(draft)s”.",
        "%(count)s inputs moved to their articles in “%(draft)s”.",
        report.moved,
    ) % {"count": digits(report.moved), "draft": report.draft.label}
    if not report.unplaced:
        return moved
    unplaced = ngettext(
        "%(count)s input could not be placed: place it by hand below.",
        "%(count)s inputs could not be placed: place them by hand below.",
        report.unplaced,
    ) % {"count": digits(report.unplaced)}
    return f"{moved} {unplaced}"


class PlaceView(InputsOrganiserMixin, View):
    """Put an input the new version could not place on an article (or the whole text)."""

    def post(self, request, *args, **kwargs):
        given = get_object_or_404(Input, pk=kwargs["pk"], consultation=self.consultation, unplaced=True)
        form = PlaceForm(request.POST, draft=self.consultation.draft)
        if not form.is_valid():
            messages.error(request, _("Choose an article of the current version."))
        else:
            try:
                services.place_input(input=given, article=form.cleaned_data["article"], actor=request.user)
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The input is placed."))
        return redirect(reverse("participation_manage:inputs", args=[self.consultation.slug]) + "#unplaced")
