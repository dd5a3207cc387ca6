"""What every organiser screen shares: login, the meeting, the permission, HTMX replies."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Meeting


def visible(request, meeting: Meeting) -> Meeting:
    """The meeting, or 404 for anyone who may not see it: no hint an invitation-only one exists."""
    if not request.user.has_perm("meetings.view_meeting", meeting):
        raise Http404
    return meeting


class OrganiserMixin(LoginRequiredMixin):
    """Loads `self.meeting` and lets in only those who may change it.

    Someone who may not even see the meeting gets 404, so invitation-only meetings stay hidden.
    """

    permission = "meetings.change_meeting"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.meeting = get_object_or_404(Meeting.objects.select_related("consultation"), slug=kwargs["slug"])
        if not request.user.has_perm(self.permission, self.meeting):
            if request.user.has_perm("meetings.view_meeting", self.meeting):
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("meeting", self.meeting)
        return super().get_context_data(**kwargs)
