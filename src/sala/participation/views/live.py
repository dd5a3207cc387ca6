"""The participant's phone view of the meeting day, by their secret link: one page with the
agenda (now and next), their place, the Q&A of each session, the materials, their breakout
group and a way to give inputs. It links to the pages that do the work; it does no work itself.
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.views.generic import TemplateView, View

from sala.attendance.models import Registration
from sala.core.models.bilingual import active_language
from sala.meetings import queries as meeting_queries
from sala.meetings.models import AgendaItem

from ..queries.groups import group_of
from .participant import ParticipantMixin

TEMPLATE = "participation/live/phone.html"
# Items where a question makes sense: not the registration desk or a break.
NOW_FIELDS = ("pk", "meeting_id", "kind", "starts_at", "ends_at", "title_en", "title_km")
QUESTION_KINDS = {"opening", "session", "group_work", "plenary", "closing"}


def phase(meeting) -> str:
    """Before, during or after the meeting: what the "now" block says when nothing is on."""
    at = timezone.now()
    return "before" if at < meeting.starts_at else "after" if at >= meeting.ends_at else "during"


def now_etag(meeting, now_next) -> str:
    """What the "now" block shows: the current and next items, the agenda's version, the language."""
    version = meeting_queries.meeting_version(meeting.slug).updated_at.timestamp()
    shown = [getattr(now_next, side, None) for side in ("now", "next")]
    ids = "-".join(str(item.pk if item else 0) for item in shown)
    return quote_etag(f"now-{meeting.pk}-{ids}-{phase(meeting)}-{version}-{active_language()}")


class PhoneView(ParticipantMixin, TemplateView):
    template_name = TEMPLATE

    def get_context_data(self, **kwargs):
        meeting = meeting_queries.meeting_with_agenda(self.meeting.slug)
        items = list(meeting.agenda_items.all())
        now_next = meeting_queries.now_and_next(meeting, items)
        return super().get_context_data(
            meeting=meeting,
            items=items,
            now_next=now_next,
            etag=now_etag(meeting, now_next),
            phase=phase(meeting),
            question_kinds=QUESTION_KINDS,
            person=self.person,
            registration=Registration.objects.filter(meeting=meeting, person=self.person).first(),
            group=group_of(self.meeting, self.person),
            **kwargs,
        )


class NowView(ParticipantMixin, View):
    """The "now and next" block alone, polled by the phone view: 304 while nothing changed."""

    def get(self, request, *args, **kwargs):
        meeting = self.meeting
        items = list(AgendaItem.objects.filter(meeting=meeting).only(*NOW_FIELDS))
        now_next = meeting_queries.now_and_next(meeting, items)
        etag = now_etag(meeting, now_next)
        response = get_conditional_response(request, etag=etag)
        if response is None:
            context = {"meeting": meeting, "now_next": now_next, "token": self.participant.token,
                       "question_kinds": QUESTION_KINDS, "etag": etag, "phase": phase(meeting)}  # fmt: skip
            response = render(request, TEMPLATE + "#now", context)
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
        return response
