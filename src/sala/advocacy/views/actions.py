"""Organisers follow up: the actions of a consultation (all, open, overdue), each with its owner,
due date and status; adding, changing and deleting them; a quick change of status.

The status form answers HTMX with the row it changed and a plain post with a redirect back to
the list, so the page works without JavaScript. A refused form comes back with the reason and
HTTP 422; nothing is saved.
"""

from functools import cached_property

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from sala.core.errors import DomainError

from ..forms_actions import ActionForm, StatusForm
from ..models import ActionItem
from ..queries import actions as queries
from ..services import actions as services
from .base import ConsultationOrganiserMixin

TEMPLATE = "advocacy/actions/list.html"
CONFIRM = "advocacy/actions/confirm.html"  # removing an action, withdrawing an endorsement


def shown(request) -> str:
    show = request.GET.get("show", "")
    return show if show in queries.FILTERS else queries.FILTERS[0]


def list_url(consultation, show: str = "") -> str:
    url = reverse("advocacy_manage:actions", args=[consultation.slug])
    return f"{url}?show={show}" if show and show != queries.FILTERS[0] else url


class ActionListView(ConsultationOrganiserMixin, TemplateView):
    template_name = TEMPLATE

    def get_context_data(self, **kwargs):
        show = shown(self.request)
        today = timezone.localdate()
        actions = list(queries.consultation_actions(self.consultation, show, today))
        return super().get_context_data(
            show=show,
            filters=queries.FILTERS,
            counts=queries.action_counts(self.consultation, today),
            rows=[
                (action, StatusForm(initial={"status": action.status}, auto_id=f"action-{action.pk}-%s"))
                for action in actions
            ],
            **kwargs,
        )


class ActionMixin(ConsultationOrganiserMixin):
    @cached_property
    def action(self) -> ActionItem:
        return get_object_or_404(ActionItem, pk=self.kwargs["pk"], consultation=self.consultation)


class ActionFormView(ConsultationOrganiserMixin, FormView):
    template_name = "advocacy/actions/form.html"
    form_class = ActionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "consultation": self.consultation}

    def form_valid(self, form):
        try:
            self.save(form.service_fields())
        except DomainError as error:
            form.add_error("title_en" if error.code == "action.no_title" else None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The action is saved."))
        return redirect(list_url(self.consultation))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=422)

    def save(self, fields: dict) -> None:
        raise NotImplementedError


class ActionCreateView(ActionFormView):
    def save(self, fields: dict) -> None:
        services.create_action(consultation=self.consultation, actor=self.request.user, **fields)


class ActionEditView(ActionMixin, ActionFormView):
    def get_form_kwargs(self):
        # The form edits a copy: a refused save must not change the page it is shown on.
        return {**super().get_form_kwargs(), "instance": ActionItem.objects.get(pk=self.action.pk)}

    def save(self, fields: dict) -> None:
        services.update_action(action=self.action, actor=self.request.user, **fields)


class ActionDeleteView(ActionMixin, TemplateView):
    template_name = CONFIRM

    def get_context_data(self, **kwargs):
        return super().get_context_data(name=self.action, cancel_url=list_url(self.consultation), **kwargs)

    def post(self, request, *args, **kwargs):
        services.delete_action(action=self.action, actor=request.user)
        messages.success(request, _("The action is deleted."))
        return redirect(list_url(self.consultation))


class ActionStatusView(ActionMixin, View):
    def post(self, request, *args, **kwargs):
        form = StatusForm(request.POST, auto_id=f"action-{self.action.pk}-%s")
        valid = form.is_valid()
        if valid:
            services.set_action_status(
                action=self.action, status=form.cleaned_data["status"], actor=request.user
            )
        if not request.htmx:
            if valid:
                messages.success(request, _("The status is saved."))
            else:
                messages.error(request, _("Choose a status from the list."))
            return redirect(list_url(self.consultation, shown(request)))
        action = queries.consultation_actions(self.consultation).get(pk=self.action.pk)
        if valid:
            form = StatusForm(initial={"status": action.status}, auto_id=f"action-{action.pk}-%s")
        context = {
            "consultation": self.consultation,
            "action": action,
            "status_form": form,
            "show": shown(request),
        }
        return render(request, TEMPLATE + "#row", context, status=200 if valid else 422)
