"""Decisions for organisers: prepare, open, watch the turnout, close with a statement, read the result.

The decision's page polls its count block (attendance's poll.js): the block's ETag is a hash of
what it shows, so an unchanged count answers 304 with no body. Hidden results stay hidden
here too until the decision closes (see queries/decisions.py).
"""

import hashlib

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from sala.core.errors import DomainError
from sala.core.models.bilingual import active_language

from ..forms_decisions import CloseForm, DecisionForm
from ..models import Decision
from ..queries.decisions import organiser_decisions, results
from ..services import decisions as services
from .base import ConsultationOrganiserMixin

DETAIL_TEMPLATE = "advocacy/decisions/detail.html"


class DecisionMixin(ConsultationOrganiserMixin):
    def decision(self) -> Decision:
        return get_object_or_404(
            Decision.objects.select_related("meeting", "consultation"),
            pk=self.kwargs["pk"],
            consultation=self.consultation,
        )

    def decision_url(self, decision: Decision) -> str:
        return reverse("advocacy_manage:decision", args=[self.consultation.slug, decision.pk])


class DecisionListView(DecisionMixin, TemplateView):
    template_name = "advocacy/decisions/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(decisions=organiser_decisions(self.consultation.pk), **kwargs)


class DecisionFormView(DecisionMixin, TemplateView):
    """Preparing a decision (no `pk`) or changing it while it is a draft."""

    template_name = "advocacy/decisions/form.html"

    def instance(self) -> Decision | None:
        return self.decision() if "pk" in self.kwargs else None

    def get(self, request, *args, **kwargs):
        decision = self.instance()
        if decision is not None and decision.status != Decision.Status.DRAFT:
            messages.error(request, DomainError("decision.not_draft").message)
            return redirect(self.decision_url(decision))
        initial = {} if decision else {"meeting": self.consultation.meetings.order_by("starts_at").first()}
        form = DecisionForm(instance=decision, initial=initial, consultation=self.consultation)
        return self.render_to_response(self.get_context_data(form=form, decision=decision))

    def post(self, request, *args, **kwargs):
        decision = self.instance()
        form = DecisionForm(request.POST, instance=decision, consultation=self.consultation)
        if form.is_valid():
            try:
                if decision is None:
                    decision = services.create_decision(
                        consultation=self.consultation, actor=request.user, **form.service_fields()
                    )
                else:
                    decision = services.update_decision(
                        decision=decision, actor=request.user, **form.service_fields()
                    )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("The decision is saved. Open it when the participants are ready to vote.")
                )
                return redirect(self.decision_url(decision))
        context = self.get_context_data(form=form, decision=self.instance())
        return self.render_to_response(context, status=422)


def count_context(decision: Decision) -> dict:
    shown = results(decision, organiser=True)
    digest = hashlib.sha256(f"{active_language()}{decision.status}{shown!r}".encode()).hexdigest()[:20]
    return {"decision": decision, "results": shown, "etag": quote_etag(f"decision-{decision.pk}-{digest}")}


class DecisionView(DecisionMixin, TemplateView):
    """The decision: its rules and strategies, then its count, live while open, final once closed."""

    template_name = DETAIL_TEMPLATE

    def get_context_data(self, **kwargs):
        decision = self.decision()
        return super().get_context_data(
            strategies=decision.strategies.select_related("owner").prefetch_related("articles"),
            voter_list=decision.eligible_voters.select_related("person").order_by("person__name_en"),
            close_form=kwargs.pop("close_form", None) or CloseForm(),
            **count_context(decision),
            **kwargs,
        )


class DecisionCountView(DecisionMixin, View):
    """The count block alone, polled while the vote is open: 304 and no body while nothing changed."""

    def get(self, request, *args, **kwargs):
        context = count_context(self.decision())
        response = get_conditional_response(request, etag=context["etag"]) or self.render(context)
        response["ETag"] = context["etag"]
        patch_cache_control(response, private=True, no_cache=True)
        return response

    def render(self, context) -> HttpResponse:
        return render(
            self.request, DETAIL_TEMPLATE + "#count", {"consultation": self.consultation, **context}
        )


class DecisionOpenView(DecisionMixin, View):
    def post(self, request, *args, **kwargs):
        decision = self.decision()
        try:
            services.open_decision(decision=decision, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Voting is open. Participants vote through their personal links."))
        return redirect(self.decision_url(decision))


class DecisionCloseView(DecisionView):
    """Closing takes the outcome statement (it may stay empty) from the form on the decision's page."""

    def get(self, request, *args, **kwargs):
        return redirect(self.decision_url(self.decision()) + "#close")

    def post(self, request, *args, **kwargs):
        decision = self.decision()
        form = CloseForm(request.POST)
        if form.is_valid():
            try:
                services.close_decision(decision=decision, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Voting is closed and the outcome is recorded."))
                return redirect(self.decision_url(decision))
        return self.render_to_response(self.get_context_data(close_form=form), status=422)


class DecisionDeleteView(DecisionMixin, View):
    def get(self, request, *args, **kwargs):
        decision = self.decision()
        context = {
            "consultation": self.consultation,
            "name": decision.title,
            "cancel_url": self.decision_url(decision),
        }
        return render(request, "advocacy/roadmap/confirm_delete.html", context)

    def post(self, request, *args, **kwargs):
        decision = self.decision()
        try:
            services.delete_decision(decision=decision, actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(self.decision_url(decision))
        messages.success(request, _("The decision is removed."))
        return redirect("advocacy_manage:decisions", slug=self.consultation.slug)
