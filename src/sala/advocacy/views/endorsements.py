"""Endorsing the joint position: representatives through their personal link, organisers for
endorsements received on paper or by email.

A participant's page exists only once the position is published (404 before, as the public
account), and acts for the organisation Sala has on record for the link's holder only.
"""

from functools import cached_property

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from sala.core.errors import DomainError
from sala.participation.views.participant import ParticipantMixin

from ..forms_actions import EndorseForm, EndorsementForm
from ..models import Endorsement
from ..queries import endorsements as queries
from ..services.endorsements import endorse_position, withdraw_endorsement
from .actions import CONFIRM
from .base import ConsultationOrganiserMixin


class PublishedOnly:
    """After ParticipantMixin: the link's consultation, 404 while its position is not public."""

    def dispatch(self, request, *args, **kwargs):
        self.consultation = self.meeting.consultation
        if self.consultation.position_published_at is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class EndorserMixin(ParticipantMixin, PublishedOnly):
    @cached_property
    def endorsement(self) -> Endorsement | None:
        return queries.endorsement_of(self.consultation, self.person.organisation)

    def page_url(self) -> str:
        return reverse("advocacy:endorse", args=[self.participant.token])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consultation=self.consultation,
            organisation=self.person.organisation,
            endorser=queries.endorser(self.person.organisation) if self.person.organisation else None,
            endorsement=self.endorsement,
            **kwargs,
        )


class EndorseView(EndorserMixin, FormView):
    """The position's link, the person's organisation, "may we name it?", confirm."""

    template_name = "advocacy/endorsements/endorse.html"
    form_class = EndorseForm

    def get_initial(self):
        return {"listed": self.endorsement.listed if self.endorsement else True}

    def form_valid(self, form):
        known = self.endorsement is not None
        try:
            endorse_position(
                consultation=self.consultation,
                organisation=self.person.organisation,
                representative=self.person,
                listed=form.cleaned_data["listed"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form), status=422)
        if known:
            messages.success(self.request, _("Your organisation’s endorsement is updated."))
        else:
            messages.success(self.request, _("Thank you: your organisation endorses the joint position."))
        return redirect(self.page_url())


class WithdrawView(EndorserMixin, TemplateView):
    """The organisation takes its endorsement back, after a confirmation."""

    template_name = "advocacy/endorsements/withdraw.html"

    def get(self, request, *args, **kwargs):
        if self.endorsement is None:
            return redirect(self.page_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.endorsement is not None:
            withdraw_endorsement(endorsement=self.endorsement)
            messages.success(request, _("Your organisation no longer endorses the joint position."))
        return redirect(self.page_url())


# Organisers


class EndorsementListView(ConsultationOrganiserMixin, FormView):
    """Every endorsement, named or not, and a form to record one received on paper or by email."""

    template_name = "advocacy/endorsements/manage.html"
    form_class = EndorsementForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def get_initial(self):
        return {"listed": True}

    def get_context_data(self, **kwargs):
        endorsements = list(queries.consultation_endorsements(self.consultation))
        return super().get_context_data(
            rows=[(e, queries.endorser(e.organisation)) for e in endorsements],
            listed=sum(e.listed for e in endorsements),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            endorse_position(consultation=self.consultation, actor=self.request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The endorsement of %(organisation)s is recorded.")
            % {"organisation": queries.endorser(form.cleaned_data["organisation"]).label},
        )
        return redirect(list_url(self.consultation))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)


def list_url(consultation) -> str:
    return reverse("advocacy_manage:endorsements", args=[consultation.slug])


class EndorsementWithdrawView(ConsultationOrganiserMixin, TemplateView):
    template_name = CONFIRM

    @cached_property
    def endorsement(self) -> Endorsement:
        return get_object_or_404(
            Endorsement.objects.select_related("organisation"),
            pk=self.kwargs["pk"],
            consultation=self.consultation,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            name=queries.endorser(self.endorsement.organisation).label,
            cancel_url=list_url(self.consultation),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        withdraw_endorsement(endorsement=self.endorsement, actor=request.user)
        messages.success(
            request,
            _("%(organisation)s no longer endorses the joint position.")
            % {"organisation": queries.endorser(self.endorsement.organisation).label},
        )
        return redirect(list_url(self.consultation))
