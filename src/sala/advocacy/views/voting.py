"""Voting by the personal link (/i/<token>/decisions/): the open and closed decisions of the
link's consultation, and a ballot on each.

A named ballot shows as the person's current vote and can be changed until the vote closes;
an anonymous one is recorded without a name, so the page can only say "you have voted". The
pages are private (never cached, no referrer) and work without JavaScript.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from sala.core.errors import DomainError
from sala.laws.models import Article
from sala.participation.views.participant import ParticipantMixin

from ..forms_decisions import BallotForm
from ..models import Decision, Strategy
from ..queries.decisions import decisions_for_voters, results, voted_on, voter_state
from ..services.decisions import cast_ballot


class VoteListView(ParticipantMixin, TemplateView):
    template_name = "advocacy/decisions/vote_list.html"

    def get_context_data(self, **kwargs):
        decisions = decisions_for_voters(self.meeting.consultation_id)
        return super().get_context_data(
            consultation=self.meeting.consultation,
            decisions=decisions,
            voted=voted_on(decisions, self.person),
            **kwargs,
        )


class VoteView(ParticipantMixin, TemplateView):
    """One decision: the strategies, the ballot (or the person's vote), and the result once shown."""

    template_name = "advocacy/decisions/vote.html"

    def decision(self) -> Decision:
        strategies = Strategy.objects.select_related("owner").prefetch_related(
            Prefetch("articles", Article.objects.order_by("position"))
        )
        return get_object_or_404(
            Decision.objects.exclude(status=Decision.Status.DRAFT)
            .select_related("meeting")
            .prefetch_related(Prefetch("strategies", strategies)),
            pk=self.kwargs["pk"],
            consultation_id=self.meeting.consultation_id,
        )

    def get_context_data(self, **kwargs):
        decision = self.decision()  # read again after a refused ballot: it may have closed meanwhile
        state = voter_state(decision, self.person)
        if "form" not in kwargs and state.ballot is not None:
            kwargs["form"] = BallotForm(
                initial={"choice": state.ballot.choice, "reason": state.ballot.reason}
            )
        return super().get_context_data(
            consultation=self.meeting.consultation,
            decision=decision,
            state=state,
            results=results(decision, organiser=False),
            form=kwargs.pop("form", None) or BallotForm(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        decision = self.decision()
        form = BallotForm(request.POST)
        if form.is_valid():
            try:
                cast_ballot(decision=decision, person=self.person, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you: your vote is recorded."))
                url = reverse("advocacy:vote", args=[self.participant.token, decision.pk])
                return redirect(url)
        return self.render_to_response(self.get_context_data(form=form), status=422)
