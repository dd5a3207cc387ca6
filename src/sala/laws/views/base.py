"""What the organisers' law screens share: the law, and who may change it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Law


class LawOrganiserMixin(LoginRequiredMixin):
    """Loads `self.law` and lets in only those who may change it (`laws.change_law`).

    Someone who may not even see the law (one followed discreetly) gets 404, not 403.
    """

    permission = "laws.change_law"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.law = get_object_or_404(Law, slug=kwargs["slug"])
        if not request.user.has_perm(self.permission, self.law):
            if request.user.has_perm("laws.view_law", self.law):
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("law", self.law)
        return super().get_context_data(**kwargs)
