"""What the input pages share: private pages for participants; for organisers, the consultation
and the permission."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404

from sala.core.views import keep_private
from sala.meetings.models import Consultation


class PrivateMixin:
    """A page for one person, by a secret link: see `keep_private`."""

    def dispatch(self, request, *args, **kwargs):
        return keep_private(super().dispatch(request, *args, **kwargs))


class UnprocessableMixin:
    """A refused form answers 422 (htmx swaps it; the browser shows it as any page)."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


class InputsOrganiserMixin(LoginRequiredMixin):
    """Loads `self.consultation` and lets in only its organisers; anyone else gets 404, no hint."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.consultation = get_object_or_404(
            Consultation.objects.select_related("draft", "law"), slug=kwargs["slug"]
        )
        if not request.user.has_perm("participation.manage_inputs", self.consultation):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("consultation", self.consultation)
        return super().get_context_data(**kwargs)
