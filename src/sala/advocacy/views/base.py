"""What the organisers' consolidation screens share: login, the consultation, the permission."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from sala.meetings.models import Consultation


class ConsultationOrganiserMixin(LoginRequiredMixin):
    """Loads `self.consultation` and lets in only its organisers.

    Others get 403 when the consultation is known to the public (a public meeting, a published
    position), else 404: an unannounced consultation stays hidden.
    """

    permission = "advocacy.consolidate"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.consultation = get_object_or_404(
            Consultation.objects.select_related("law", "draft"), slug=kwargs["slug"]
        )
        if not request.user.has_perm(self.permission, self.consultation):
            if request.user.has_perm("advocacy.view_consultation", self.consultation):
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("consultation", self.consultation)
        return super().get_context_data(**kwargs)
