"""Pages anyone may see: cheap to serve, usable without JavaScript, cached per language."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, View

from sala.core.errors import DomainError
from sala.core.pages import public_page

from .. import queries, services
from ..forms import FacilitatorAnswerForm
from ..forms_materials import MaterialForm
from ..models import Meeting
from .base import visible


class HomeView(ListView):
    template_name = "meetings/home.html"
    context_object_name = "meetings"
    paginate_by = 20

    def get_queryset(self):
        return queries.public_meetings()


def page_state(meeting: Meeting) -> str:
    """What changes the page besides edits: before, during (per minute, for now/next), after."""
    now = timezone.now()
    if now < meeting.starts_at:
        return "before"
    if now >= meeting.ends_at:
        return "after"
    return now.strftime("%H%M")


class MeetingPageView(View):
    """The public meeting page, rendered once per version and language, then served from cache.

    The cache holds the page, its gzip form and (briefly) the version, so a repeat visit
    usually costs no query; the ETag differs per encoding and is matched weakly, as browsers
    send back what a proxy rewrote.
    """

    def get(self, request, slug):
        meeting = visible(request, queries.meeting_version(slug))
        version = f"{meeting.pk}.{meeting.updated_at.timestamp()}.{page_state(meeting)}"
        return public_page(
            request, kind="meeting", version=version, render=lambda: self.render(request, slug)
        )

    def render(self, request, slug: str) -> str:
        return render_to_string("meetings/public.html", self.context(slug), request=request)

    @staticmethod
    def context(slug: str) -> dict:
        meeting = queries.meeting_with_agenda(slug)
        items = list(meeting.agenda_items.all())
        return {
            "meeting": meeting,
            "items": items,
            "now_next": queries.now_and_next(meeting, items),
            "counts": queries.facilitator_counts(items),
        }


class FacilitatorAnswerView(FormView):
    """A facilitator confirms or declines through their personal link; no account needed."""

    template_name = "meetings/facilitator_answer.html"
    form_class = FacilitatorAnswerForm

    def dispatch(self, request, *args, **kwargs):
        self.facilitator = queries.facilitator_by_token(kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        answered = not self.facilitator.is_tbc
        return {"note": self.facilitator.note, "status": self.facilitator.status if answered else None}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("material_form", MaterialForm())
        return super().get_context_data(
            facilitator=self.facilitator,
            item=self.facilitator.item,
            meeting=self.facilitator.item.meeting,
            materials=queries.materials_of(self.facilitator.item),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.answer_facilitation(
                facilitator=self.facilitator,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you. The organisers can see your answer."))
        return redirect(self.request.path)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response
