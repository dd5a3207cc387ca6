"""Participants give inputs: an invitee through their personal link, or someone with an account.

An invitee's input carries their name unless they tick "anonymous"; then nothing records
who gave it, so it cannot be listed back to them either. An input given with an account is
never linked to the account (there is no tie from accounts to people): it carries at most
the organisation chosen.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from sala.attendance.models import Invitation
from sala.core.errors import DomainError
from sala.laws.models import Article
from sala.meetings.models import Consultation
from sala.people.models import Person

from .. import queries, services
from ..forms import AccountInputForm, InvitationInputForm
from ..models import Input
from .base import PrivateMixin, UnprocessableMixin


class Giver(PrivateMixin):
    """Who gives inputs on this page, and on which consultation (set by a subclass's dispatch)."""

    consultation: Consultation
    person: Person | None = None  # the author of named inputs
    url_prefix: str  # "participation:<prefix>inputs" and "...give"

    def url_arg(self) -> str:
        raise NotImplementedError

    def rate_key(self) -> str:
        """Whom the rate limit counts: never stored with an input."""
        raise NotImplementedError

    def url(self, name: str) -> str:
        return reverse(f"participation:{self.url_prefix}{name}", args=[self.url_arg()])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            consultation=self.consultation,
            draft=self.consultation.draft,
            window=services.window_state(self.consultation),
            person=self.person,
            list_url=self.url("inputs"),
            give_url=self.url("give"),
            **kwargs,
        )


class InvitationGiver(Giver):
    url_prefix = ""

    def dispatch(self, request, *args, token, **kwargs):
        self.invitation = get_object_or_404(
            Invitation.objects.select_related("meeting__consultation__draft", "person__organisation"),
            token=token,
        )
        self.consultation = self.invitation.meeting.consultation
        self.person = self.invitation.person
        return super().dispatch(request, *args, **kwargs)

    def url_arg(self) -> str:
        return self.invitation.token

    def rate_key(self) -> str:
        return f"invitation:{self.invitation.pk}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, **kwargs)


class AccountGiver(LoginRequiredMixin, Giver):
    """Any signed-in account, on a consultation with a meeting it may see."""

    url_prefix = "account_"

    def dispatch(self, request, *args, slug, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.consultation = get_object_or_404(Consultation.objects.select_related("draft"), slug=slug)
        if not any(
            request.user.has_perm("meetings.view_meeting", m) for m in self.consultation.meetings.all()
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def url_arg(self) -> str:
        return self.consultation.slug

    def rate_key(self) -> str:
        return f"user:{self.request.user.pk}"


class ArticlesPage(TemplateView):
    """The draft, article by article, each with a way to give an input on it; then "my inputs"."""

    template_name = "participation/give/articles.html"

    def get_context_data(self, **kwargs):
        mine = queries.my_inputs(self.consultation, self.person) if self.person else None
        return super().get_context_data(
            outline=queries.draft_outline(self.consultation.draft), mine=mine, **kwargs
        )


class GivePage(UnprocessableMixin, FormView):
    template_name = "participation/give/form.html"

    def get_initial(self):
        return {"article": self.request.GET.get("article")}

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "draft": self.consultation.draft}
        return {**kwargs, "person": self.person} if self.person else kwargs

    def get_form_class(self):
        return InvitationInputForm if self.person else AccountInputForm

    def get_context_data(self, **kwargs):
        chosen = self.request.POST.get("article") or self.request.GET.get("article") or ""
        article = (
            Article.objects.filter(draft=self.consultation.draft, pk=chosen).first()
            if chosen.isdigit()
            else None
        )
        return super().get_context_data(article=article, **kwargs)

    def form_valid(self, form):
        fields = form.service_fields()
        try:
            services.give_input(
                consultation=self.consultation,
                channel=Input.Channel.ONLINE,
                author=self.person,
                rate_key=self.rate_key(),
                **fields,
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.thanks(anonymous=fields["anonymous"]))
        return redirect(self.url("inputs") + "#mine")

    def thanks(self, *, anonymous: bool) -> str:
        if self.person is None:
            return _("Thank you. Your input is recorded; it is not linked to your account.")
        if not anonymous:
            return _("Thank you. Your input is recorded with your name; it is listed under “My inputs”.")
        return _(
            "Thank you. Your input is recorded without your name. Sala cannot tell it is yours, so it is "
            "not listed below and cannot be withdrawn."
        )


class InvitationArticlesView(InvitationGiver, ArticlesPage):
    pass


class InvitationGiveView(InvitationGiver, GivePage):
    pass


class AccountArticlesView(AccountGiver, ArticlesPage):
    pass


class AccountGiveView(AccountGiver, GivePage):
    pass


class WithdrawView(InvitationGiver, TemplateView):
    """An invitee takes back one of their named inputs, after a confirmation."""

    template_name = "participation/give/withdraw.html"

    def get_input(self) -> Input:
        return get_object_or_404(
            Input.objects.select_related("article"),
            pk=self.kwargs["pk"],
            consultation=self.consultation,
            author=self.person,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(input=self.get_input(), **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            services.withdraw_input(input=self.get_input(), author=self.person)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your input is withdrawn."))
        return redirect(self.url("inputs") + "#mine")
