"""The organisers choose how each expected outcome of a meeting is judged, and see its status.

The statuses are computed on every view (`queries.outcomes`); the block showing them polls,
with the hash of what it shows as ETag, so it answers 304 and no body while nothing changed.
Saving a rule answers HTMX with the outcome's form and the new statuses (out of band), and a
plain post with a redirect, so the page works without JavaScript.
"""

import hashlib

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.generic import View

from sala.core.errors import DomainError
from sala.meetings.models import ExpectedOutcome
from sala.meetings.views.base import OrganiserMixin

from ..forms_outcomes import OutcomeRuleForm
from ..models import Decision
from ..queries.outcomes import OutcomeResult, meeting_outcomes
from ..services.outcomes import set_outcome_rule

TEMPLATE = "advocacy/manage/outcomes.html"


class OutcomesMixin(OrganiserMixin):
    def choices(self) -> dict:
        """The agenda items and decisions a rule may point at, read once for every form."""
        return {
            "items": list(self.meeting.agenda_items.all()),
            "decisions": list(Decision.objects.filter(consultation_id=self.meeting.consultation_id)),
        }

    def statuses(self) -> tuple[list[OutcomeResult], str, str]:
        """The outcomes with their status, the block's HTML (no form, no token) and its ETag."""
        results = meeting_outcomes(self.meeting)
        html = render_to_string(TEMPLATE + "#status", {"meeting": self.meeting, "results": results})
        return results, html, '"' + hashlib.sha1(html.encode()).hexdigest()[:20] + '"'

    def page(self, forms: dict[int, OutcomeRuleForm] | None = None, status: int = 200) -> HttpResponse:
        results, html, etag = self.statuses()
        choices = self.choices()
        forms = forms or {}
        rows = [
            (r, forms.get(r.outcome.pk) or OutcomeRuleForm.for_rule(r.outcome.pk, r.rule, **choices))
            for r in results
        ]
        context = {"meeting": self.meeting, "rows": rows, "status_html": html, "etag": etag}
        return render(self.request, TEMPLATE, context, status=status)


class OutcomesView(OutcomesMixin, View):
    def get(self, request, slug):
        return self.page()


class OutcomeStatusView(OutcomesMixin, View):
    """The statuses block alone, polled by the page."""

    def get(self, request, slug):
        _results, html, etag = self.statuses()
        response = get_conditional_response(request, etag=etag) or HttpResponse(html)
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        return response


class OutcomeRuleView(OutcomesMixin, View):
    def post(self, request, slug, pk):
        outcome = get_object_or_404(
            ExpectedOutcome.objects.select_related("rule"), pk=pk, meeting=self.meeting
        )
        outcome.meeting = self.meeting
        rule = getattr(outcome, "rule", None)
        form = OutcomeRuleForm.for_rule(outcome.pk, rule, data=request.POST, **self.choices())
        if form.is_valid():
            try:
                set_outcome_rule(outcome=outcome, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                if request.htmx:
                    return self.fragment(outcome.pk)
                messages.success(request, _("The rule is saved."))
                return redirect(reverse("advocacy_manage:outcomes", args=[slug]) + f"#rule-{outcome.pk}")
        if request.htmx:
            return self.fragment(outcome.pk, form, status=422)
        return self.page({outcome.pk: form}, status=422)

    def fragment(self, pk: int, form: OutcomeRuleForm | None = None, status: int = 200) -> HttpResponse:
        """The outcome's form, and the statuses swapped out of band."""
        results, html, etag = self.statuses()
        result = next(r for r in results if r.outcome.pk == pk)
        saved = form is None
        form = form or OutcomeRuleForm.for_rule(pk, result.rule, **self.choices())
        context = {
            "meeting": self.meeting,
            "result": result,
            "form": form,
            "saved": saved,
            "status_html": html,
            "etag": etag,
            "oob": True,
        }
        rule = render_to_string(TEMPLATE + "#rule", context, request=self.request)
        block = render_to_string(TEMPLATE + "#status-block", context, request=self.request)
        return HttpResponse(rule + block, status=status)
