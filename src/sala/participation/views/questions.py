"""The live Q&A of an agenda item: participants ask and upvote by their secret link, organisers
and the item's facilitator (by theirs) moderate, and a projector shows the top questions.

Live blocks poll every 3 s with conditional requests; an unchanged block answers 304 and no
body. DESIGN DECISION: the participant's ETag follows the board's `version`, not its upvotes.
Vote counts on phones refresh with the next visible change (a question shown, answered,
hidden or merged, a setting) or a reload, so 300 phones polling during heavy voting mostly
get 304. The projector and the moderator follow `activity`, which every upvote moves too,
and show the counts live within 5 s.

Every form works without JavaScript (a plain POST redirects back with a message); with htmx
it gets the fresh block, with its ETag. A question is posted to the participant's page itself;
each moderation action has its own address per question (.../<pk>/approve/).
"""

from collections.abc import Callable
from functools import cached_property

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import FormView, TemplateView, View

from sala.attendance.queries import link_ids
from sala.core.errors import DomainError
from sala.core.limits import address_key
from sala.meetings.models import AgendaItem, Facilitator
from sala.meetings.queries import materials_of
from sala.meetings.views.base import OrganiserMixin
from sala.people.models import Person

from ..forms_questions import AskForm, BoardForm, MergeForm
from ..models import Question, QuestionBoard
from ..queries import questions as queries
from ..services import questions as services
from .base import PrivateMixin, UnprocessableMixin
from .participant import Participant, participant_by_token, rate_key
from .question_list import PARTICIPANT, list_html, tag

QUEUE = "participation/questions/queue.html"
PROJECTOR = "participation/questions/projector.html"


def not_modified(request, etag: str) -> HttpResponse | None:
    """A 304 with no body if the block the client holds is still this one, else None."""
    response = get_conditional_response(request, etag=etag)
    if response is not None:
        response["ETag"] = etag
        patch_cache_control(response, private=True, no_cache=True)
    return response


def conditional(request, etag: str, render_block: Callable[[], HttpResponse]) -> HttpResponse:
    """304 and no body while the block is unchanged; else the fresh block (with its own ETag)."""
    response = not_modified(request, etag)
    if response is None:
        response = render_block()
        patch_cache_control(response, private=True, no_cache=True)
    return response


def block(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    """A live block, with the ETag it was rendered at: the next poll starts from there."""
    response = render(request, template, context, status=status)
    response["ETag"] = context["etag"]
    return response


# Participants ------------------------------------------------------------------------------


def sort_of(request) -> str:
    sort = request.POST.get("sort") or request.GET.get("sort")
    return sort if sort in queries.SORTS else "votes"


class ParticipantQuestions(PrivateMixin):
    """The Q&A of an agenda item of the participant's own meeting (any other item: 404).

    Polls, questions and upvotes come by the dozen a second, so they work from the link's ids
    and the board's version, both cached; the participant, the meeting and the item are loaded
    only for a whole page."""

    def dispatch(self, request, *args, **kwargs):
        self.token, self.item_id = kwargs["token"], kwargs["item_pk"]
        self.meeting_id, self.person_id = link_ids(self.token)  # an unknown link: 404, whatever the method
        self.read_board()  # an item of another meeting: 404
        return super().dispatch(request, *args, **kwargs)

    def read_board(self) -> None:
        """The board's id and version, read first: a change meanwhile shows at the next poll."""
        self.board_id, self.version = queries.live_board(self.item_id, self.meeting_id)

    @cached_property
    def participant(self) -> Participant:
        return participant_by_token(self.token)

    @cached_property
    def item(self) -> AgendaItem:
        return AgendaItem.objects.get(pk=self.item_id)  # of this meeting: see dispatch

    @cached_property
    def sort(self) -> str:
        return sort_of(self.request)

    def url(self, name: str = "", *args) -> str:
        return reverse(f"participation:questions{name}", args=[self.token, self.item_id, *args])

    def page_url(self, anchor: str = "") -> str:
        return f"{self.url()}?sort={self.sort}{anchor}"

    def list_html(self, *, error: str = "", oob: bool = False, fresh: bool = False) -> SafeString:
        shown_at = {"item_id": self.item_id, "board_id": self.board_id, "version": self.version}
        return list_html(self.request, **shown_at, sort=self.sort, person_id=self.person_id,
                         token=self.token, error=error, oob=oob, fresh=fresh)  # fmt: skip

    def list_response(self, *, status: int = 200, error: str = "") -> HttpResponse:
        """The list alone, with the ETag it was rendered at: the next poll starts from there."""
        response = HttpResponse(self.list_html(error=error), status=status)
        response["ETag"] = tag("p", self.item_id, self.version, self.sort)
        return response


class QuestionsLiveView(ParticipantQuestions, View):
    """The list alone, polled by the page. Follows `version` only: see the module's docstring.
    An unchanged one costs no query; any other is the shared rendering of the list with the
    participant's own parts (question_list)."""

    def get(self, request, *args, **kwargs):
        unchanged = not_modified(request, tag("p", self.item_id, self.version, self.sort))
        return unchanged if unchanged is not None else self.list_response()


def thanks(*, anonymous: bool, waiting: bool) -> str:
    if waiting and anonymous:
        return _("Thank you. Your question is sent without your name; it shows in the list once approved.")
    if waiting:
        return _("Thank you. Your question waits for a moderator's approval; until then only you see it.")
    if anonymous:
        return _("Thank you. Your question is in the list, without your name.")
    return _("Thank you. Your question is in the list.")


@method_decorator(ensure_csrf_cookie, name="dispatch")  # its forms may come later, by polling
class QuestionsPage(ParticipantQuestions, UnprocessableMixin, FormView):
    """The ask form and the list. A question is posted here; a refused one comes back with its
    text kept and the reason (htmx: the form alone)."""

    template_name = PARTICIPANT
    form_class = AskForm

    def get_template_names(self) -> list[str]:
        posted = self.request.method == "POST" and self.request.htmx
        return [PARTICIPANT + "#ask" if posted else PARTICIPANT]

    def get_context_data(self, **kwargs):
        context = {
            "participant": self.participant,
            "meeting": self.participant.meeting,
            "token": self.token,
            "item": self.item,
            "board": queries.board_of(self.item),
            "sort": self.sort,
            "page_url": self.url(),
            "list_html": lambda: self.list_html(fresh=True),  # called if shown; a reload shows today's counts
            # Every name the template tests is set: a failed lookup is logged (at DEBUG) with the
            # whole context, the participant's name in it, even while they ask anonymously.
            "thanks": "",
        }
        return super().get_context_data(**{**context, **kwargs})

    def form_valid(self, form):
        anonymous = form.cleaned_data["anonymous"]
        try:
            question = services.ask_question(
                **({"board": QuestionBoard(pk=self.board_id)} if self.board_id else {"item": self.item}),
                text=form.cleaned_data["text"],
                author=None if anonymous else Person(pk=self.person_id),
                rate_keys=[rate_key(self.person_id), address_key(self.request)],
            )
        except DomainError as error:
            form.add_error("text", error.message)
            return self.form_invalid(form)
        said = thanks(anonymous=anonymous, waiting=question.status == question.Status.PENDING)
        if not self.request.htmx:
            messages.success(self.request, said)
            return redirect(self.page_url())
        self.read_board()  # the list as it is now, with this question if it is shown
        context = {"form": AskForm(), "thanks": said, "board": question.board, "page_url": self.url(),
                   "sort": self.sort, "list_html": lambda: self.list_html(oob=True)}  # fmt: skip
        return render(self.request, PARTICIPANT + "#ask_reply", context)


class UpvoteView(ParticipantQuestions, View):
    """Upvote a question, or take the upvote back (`withdraw`).

    With htmx the answer is the question's button alone, with its new count; a refusal is the
    list with the reason. Without, a redirect back to the question."""

    def post(self, request, *args, **kwargs):
        question = Question(pk=kwargs["pk"], board_id=self.board_id)  # the service checks both
        try:
            if request.POST.get("withdraw"):
                services.withdraw_upvote(question=question, person=Person(pk=self.person_id))
            else:
                services.upvote_question(question=question, person=Person(pk=self.person_id))
        except Question.DoesNotExist:
            raise Http404 from None
        except DomainError as error:
            if not request.htmx:
                messages.error(request, error.message)
                return redirect(self.page_url())
            return self.list_response(status=422, error=error.message)
        if not request.htmx:
            return redirect(self.page_url(f"#question-{question.pk}"))
        upvoted = set() if request.POST.get("withdraw") else {question.pk}  # what was asked, now done
        context = {"question": question, "upvoted": upvoted, "token": self.token,
                   "item": AgendaItem(pk=self.item_id), "sort": self.sort}  # fmt: skip
        return render(request, PARTICIPANT + "#vote", context)


# Moderators: the meeting's organisers, or the item's facilitator by their link --------------


class OrganiserModeration(OrganiserMixin):
    """An organiser of the meeting's consultation, on any item of the meeting (another: 404)."""

    permission = "participation.moderate_questions"
    names = "participation_manage:questions_"
    may_change_settings = True

    @cached_property
    def item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, pk=self.kwargs["item_pk"], meeting=self.meeting)

    def url_args(self) -> list:
        return [self.meeting.slug, self.item.pk]

    def moderator(self) -> dict:
        return {"actor": self.request.user}


class FacilitatorModeration(PrivateMixin):
    """The facilitator of one item, by their secret link: that item's Q&A only. A declined
    facilitator's link no longer moderates."""

    names = "participation:facilitator_"
    may_change_settings = False

    def dispatch(self, request, *args, **kwargs):
        self.facilitator = get_object_or_404(
            Facilitator.objects.select_related("person", "item__meeting__consultation").exclude(
                status=Facilitator.Status.DECLINED
            ),
            token=kwargs["token"],
        )
        self.item, self.meeting = self.facilitator.item, self.facilitator.item.meeting
        return super().dispatch(request, *args, **kwargs)

    def url_args(self) -> list:
        return [self.facilitator.token]

    def moderator(self) -> dict:
        return {"facilitator": self.facilitator}


class Moderation:
    """What the organiser's and the facilitator's screens share (mixed with one of the two above)."""

    names: str  # the URL names' prefix

    def url_args(self) -> list:
        """The leading arguments of every URL of the role: the meeting and item, or the link."""
        raise NotImplementedError

    def url(self, name: str) -> str:
        return reverse(self.names + name, args=self.url_args())


class Queue(Moderation):
    """The moderator's queue of the item."""

    def queue_context(self, **kwargs) -> dict:
        board = queries.board_of(self.item)
        return {
            "item": self.item,
            "meeting": self.meeting,
            "board": board,
            "etag": tag("m", self.item.pk, board.activity),
            "queue": queries.moderation_queue(board),
            "live_url": self.url("queue_live"),
            "moderate_route": (self.names + "moderate", self.url_args()),  # see questions_tags
            "projector_url": self.url("projector"),
            **{"error": "", **kwargs},
        }


@method_decorator(ensure_csrf_cookie, name="dispatch")  # its forms may come later, by polling
class QueuePage(Queue, TemplateView):
    """The queue, the settings (organisers) and the item's materials."""

    template_name = QUEUE

    def get_context_data(self, **kwargs):
        context = self.queue_context(materials=materials_of(self.item), board_form=None, **kwargs)
        board = context["board"]
        if self.may_change_settings:
            initial = {"is_open": board.is_open, "pre_moderation": board.pre_moderation}
            context.update(board_form=BoardForm(initial=initial), settings_url=self.url("settings"))
        return super().get_context_data(facilitator=getattr(self, "facilitator", None), **context)


class QueueLiveView(Queue, View):
    def get(self, request, *args, **kwargs):
        _version, activity = queries.board_counters(self.item.pk)
        return conditional(
            request,
            tag("m", self.item.pk, activity),
            lambda: block(request, QUEUE + "#queue", self.queue_context()),
        )


class ModerateView(Queue, View):
    """Approve, hide, mark answered, reopen or merge (into the question chosen) one question."""

    ACTIONS = {
        "approve": services.approve_question,
        "hide": services.hide_question,
        "answer": services.mark_answered,
        "reopen": services.reopen_question,
    }
    DONE = {
        "approve": gettext_lazy("The question is approved: everyone sees it now."),
        "hide": gettext_lazy("The question is hidden."),
        "answer": gettext_lazy("The question is marked answered."),
        "reopen": gettext_lazy("The question is open again."),
        "merge": gettext_lazy("The question is merged: its upvotes went to the other one."),
    }

    def post(self, request, *args, **kwargs):
        action = self.kwargs["action"]
        if action not in self.DONE:
            raise Http404
        question = get_object_or_404(Question, pk=self.kwargs["pk"], board__item=self.item)
        try:
            if action != "merge":
                self.ACTIONS[action](question=question, **self.moderator())
            else:
                form = MergeForm(request.POST, board_id=question.board_id)
                if not form.is_valid():
                    return self.reply(error=" ".join(form.errors["into"]))
                services.merge_questions(
                    duplicate=question, into=form.cleaned_data["into"], **self.moderator()
                )
        except DomainError as error:
            return self.reply(error=error.message)
        return self.reply(done=str(self.DONE[action]))

    def reply(self, *, error: str = "", done: str = "") -> HttpResponse:
        if not self.request.htmx:
            (messages.error if error else messages.success)(self.request, error or done)
            return redirect(self.url("queue"))
        status = 422 if error else 200
        return block(self.request, QUEUE + "#queue", self.queue_context(error=error), status=status)


class SettingsView(OrganiserModeration, Moderation, View):
    """Open or close the questions, pre-moderation on or off (organisers only)."""

    def post(self, request, *args, **kwargs):
        form = BoardForm(request.POST)
        form.is_valid()  # two check boxes: nothing can be wrong
        services.set_board(board=services.board_for(self.item), actor=request.user, **form.cleaned_data)
        messages.success(request, _("The Q&A settings are saved."))
        return redirect(self.url("queue"))


class Projection(Moderation):
    """The projector's page: large type, the top questions and their counts, refreshed by polling."""

    def projector_context(self) -> dict:
        board = queries.board_of(self.item)
        return {
            "item": self.item,
            "meeting": self.meeting,
            "board": board,
            "etag": tag("s", self.item.pk, board.activity),
            "projection": queries.projection(board),
            "live_url": self.url("projector_live"),
        }


class ProjectorPage(Projection, TemplateView):
    template_name = PROJECTOR

    def get_context_data(self, **kwargs):
        return super().get_context_data(**{**self.projector_context(), **kwargs})


class ProjectorLiveView(Projection, View):
    def get(self, request, *args, **kwargs):
        _version, activity = queries.board_counters(self.item.pk)
        return conditional(
            request,
            tag("s", self.item.pk, activity),
            lambda: block(request, PROJECTOR + "#board", self.projector_context()),
        )


class ItemsView(OrganiserMixin, TemplateView):
    """The meeting's agenda items with their questions counted, and links to moderate each."""

    permission = "participation.moderate_questions"
    template_name = "participation/questions/items.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(items=queries.item_question_counts(self.meeting), **kwargs)


class OrganiserQueueView(OrganiserModeration, QueuePage):
    pass


class OrganiserQueueLiveView(OrganiserModeration, QueueLiveView):
    pass


class OrganiserModerateView(OrganiserModeration, ModerateView):
    pass


class OrganiserProjectorView(OrganiserModeration, ProjectorPage):
    pass


class OrganiserProjectorLiveView(OrganiserModeration, ProjectorLiveView):
    pass


class FacilitatorQueueView(FacilitatorModeration, QueuePage):
    pass


class FacilitatorQueueLiveView(FacilitatorModeration, QueueLiveView):
    pass


class FacilitatorModerateView(FacilitatorModeration, ModerateView):
    pass


class FacilitatorProjectorView(FacilitatorModeration, ProjectorPage):
    pass


class FacilitatorProjectorLiveView(FacilitatorModeration, ProjectorLiveView):
    pass
