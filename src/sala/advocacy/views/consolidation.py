"""The organisers' consolidation: the matrix, its cells, the position per article, dispositions.

A disposition form answers HTMX with the entry it changed, and a plain post with a redirect
back to the article, so every screen works without JavaScript.
"""

from functools import cached_property

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView, View

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.participation.models import Concern, Input

from .. import queries, services
from ..forms import DispositionForm, FindingForm
from ..models import Finding
from .base import ConsultationOrganiserMixin

ENTRIES_PER_PAGE = 50


def paginate(request, entries: list[queries.Entry]) -> Page:
    return Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))


def place_url(consultation, place: queries.Place, page: str | int | None = None, anchor: str = "") -> str:
    url = reverse("advocacy_manage:article", args=[consultation.slug, place.key])
    return url + (f"?page={page}" if page and str(page) != "1" else "") + (f"#{anchor}" if anchor else "")


class MatrixView(ConsultationOrganiserMixin, TemplateView):
    template_name = "advocacy/manage/matrix.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            matrix=queries.consolidation_matrix(self.consultation),
            groups=queries.near_duplicate_groups(self.consultation),
            progress=queries.disposition_progress(self.consultation),
            **kwargs,
        )


class PlaceMixin(ConsultationOrganiserMixin):
    """A page about one row of the matrix: an article, the whole text, or earlier drafts."""

    @cached_property
    def place(self) -> queries.Place:
        return queries.place_of(self.consultation, self.kwargs["place"])

    def get_context_data(self, **kwargs):
        kwargs["place"] = self.place  # not the URL's key
        return super().get_context_data(**kwargs)


class CellView(PlaceMixin, TemplateView):
    """The inputs behind one cell of the matrix, near-duplicates collapsed."""

    template_name = "advocacy/manage/cell.html"

    def get_context_data(self, **kwargs):
        concern = self.kwargs["concern"]
        if concern not in Concern.values:
            raise Http404
        inputs = queries.inputs_at(self.consultation, self.place).filter(concern=concern)
        page = paginate(self.request, queries.entries(queries.entries_queryset(inputs)))
        return super().get_context_data(concern_label=Concern(concern).label, page_obj=page, **kwargs)


def article_context(request, consultation, place: queries.Place, finding_form=None) -> dict:
    inputs = queries.entries_queryset(queries.inputs_at(consultation, place))
    page = paginate(request, queries.entries(inputs))
    if finding_form is None and place.has_finding:
        finding_form = FindingForm(instance=queries.finding_at(consultation, place) or Finding())
    return {
        "consultation": consultation,
        "place": place,
        "finding_form": finding_form,
        "page_obj": page,
        "rows": [(entry, DispositionForm.for_entry(entry)) for entry in page],
    }


class ArticleView(PlaceMixin, TemplateView):
    """Where organisers write the position on an article and decide on each input given on it."""

    template_name = "advocacy/manage/article.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs | article_context(self.request, self.consultation, self.place)
        )


class FindingView(PlaceMixin, View):
    def post(self, request, slug, place):
        if not self.place.has_finding:
            raise Http404
        form = FindingForm(request.POST)
        if form.is_valid():
            try:
                services.save_finding(
                    consultation=self.consultation,
                    article=self.place.article,
                    actor=request.user,
                    **form.cleaned_data,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The position is saved."))
                return redirect(place_url(self.consultation, self.place))
        context = article_context(request, self.consultation, self.place, finding_form=form)
        return render(request, ArticleView.template_name, context, status=422)


class DecideView(ConsultationOrganiserMixin, View):
    """One input's disposition (or its group's, with `whole_group`).

    GET shows one input alone, to decide on a member of a group apart from the rest.
    """

    template_name = "advocacy/manage/decide.html"

    @cached_property
    def input(self) -> Input:
        return get_object_or_404(
            Input.objects.select_related("article"), pk=self.kwargs["pk"], consultation=self.consultation
        )

    def entry(self, whole_group: bool) -> queries.Entry:
        inputs = Input.objects.filter(pk=self.input.pk)
        if whole_group and self.input.group is not None:
            inputs = Input.objects.filter(
                consultation=self.consultation, group=self.input.group, article_id=self.input.article_id
            )
        return queries.entries(queries.entries_queryset(inputs))[0]

    def get(self, request, slug, pk):
        entry = self.entry(whole_group=False)
        return self.page(entry, DispositionForm.for_entry(entry))

    def post(self, request, slug, pk):
        whole_group = DispositionForm.base_fields["whole_group"].to_python(request.POST.get("whole_group"))
        entry = self.entry(whole_group)
        form = DispositionForm.for_entry(entry, data=request.POST)
        if form.is_valid():
            try:
                decided = services.decide_inputs(input=self.input, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                return self.decided(len(decided), whole_group)
        if request.htmx:
            return self.fragment(entry, form, status=422)
        return self.page(entry, form, status=422)

    def decided(self, count: int, whole_group: bool):
        if self.request.htmx:
            entry = self.entry(whole_group)
            return self.fragment(entry, DispositionForm.for_entry(entry))
        messages.success(
            self.request,
            ngettext("%(count)s input is decided.", "%(count)s inputs are decided.", count)
            % {"count": digits(count)},
        )
        place = queries.place_for(self.consultation, self.input)
        return redirect(
            place_url(self.consultation, place, self.request.GET.get("page"), f"input-{self.input.pk}")
        )

    def fragment(self, entry, form, status=200):
        context = {"consultation": self.consultation, "entry": entry, "form": form, "manage": True}
        return render(self.request, "advocacy/manage/article.html#entry", context, status=status)

    def page(self, entry, form, status=200):
        place = queries.place_for(self.consultation, self.input)
        context = {
            "consultation": self.consultation,
            "place": place,
            "entry": entry,
            "form": form,
            "manage": True,
        }
        return render(self.request, self.template_name, context, status=status)


class RegroupView(ConsultationOrganiserMixin, View):
    def post(self, request, slug):
        count = services.group_inputs(consultation=self.consultation, actor=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s group of near-duplicate inputs found.",
                "%(count)s groups of near-duplicate inputs found.",
                count,
            )
            % {"count": digits(count)},
        )
        return redirect("advocacy_manage:matrix", slug=self.consultation.slug)


class PublishView(ConsultationOrganiserMixin, TemplateView):
    """Publishing the joint position: a confirmation saying what is still undecided."""

    template_name = "advocacy/manage/publish.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            progress=queries.disposition_progress(self.consultation),
            findings=Finding.objects.filter(consultation=self.consultation).count(),
            **kwargs,
        )

    def post(self, request, slug):
        try:
            services.publish_position(consultation=self.consultation, actor=request.user)
        except DomainError as error:
            return self.render_to_response(self.get_context_data(error=error.message), status=422)
        messages.success(request, _("The joint position is published."))
        return redirect("advocacy_manage:matrix", slug=self.consultation.slug)


class UnpublishView(ConsultationOrganiserMixin, View):
    def post(self, request, slug):
        services.unpublish_position(consultation=self.consultation, actor=request.user)
        messages.success(request, _("The joint position is no longer public."))
        return redirect("advocacy_manage:matrix", slug=self.consultation.slug)
