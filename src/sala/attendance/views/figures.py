"""Attendance figures for the organisers: live counts against the target, and the exports."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.views.generic import TemplateView, View

from sala.core.models.bilingual import active_language
from sala.meetings.models import Meeting

from ..queries import attendance_figures, attendance_version
from .base import PeopleMixin

TEMPLATE = "attendance/manage/figures.html"


def counts_etag(meeting: Meeting) -> str:
    """The state of the counts as the page shows them: attendance changes, in this language."""
    return quote_etag(f"attendance-{meeting.pk}-{attendance_version(meeting)}-{active_language()}")


class FiguresView(PeopleMixin, TemplateView):
    template_name = TEMPLATE

    def get_context_data(self, **kwargs):
        # The tag first: a check-in made while the figures are read shows at the next poll.
        kwargs["etag"] = counts_etag(self.meeting)
        return super().get_context_data(figures=attendance_figures(self.meeting), **kwargs)


class CountsView(PeopleMixin, View):
    """The counts block alone, polled by the figures page: 304 and no body while nothing changed."""

    def get(self, request, *args, **kwargs):
        etag = counts_etag(self.meeting)
        response = get_conditional_response(request, etag=etag) or self.render(request)
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        return response

    def render(self, request) -> HttpResponse:
        context = {"meeting": self.meeting, "figures": attendance_figures(self.meeting)}
        return render(request, TEMPLATE + "#counts", context)
