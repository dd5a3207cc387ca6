"""Reads of the live Q&A, each in a fixed number of queries.

A board is made by the first question or setting (services.board_for); until then the reads
see an unsaved default board, so that showing a page never writes.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from sala.meetings.models import AgendaItem, Meeting
from sala.people.models import Person

from ..models import Question, QuestionBoard, QuestionVote

Status = Question.Status
SORTS = {"votes": ("-votes", "created_at", "pk"), "time": ("-created_at", "-pk")}
PROJECTED = 10  # questions on the projector


def board_of(item: AgendaItem) -> QuestionBoard:
    """The item's board, or the default one it will get (not saved): one query."""
    return QuestionBoard.objects.filter(item=item).first() or QuestionBoard(item=item)


def board_counters(item_id: int) -> tuple[int, int]:
    """(version, activity): what the live views' ETags are made of, in one query on the board row."""
    row = QuestionBoard.objects.filter(item_id=item_id).values_list("version", "activity").first()
    return row or (0, 0)


def live_version(item_id: int, meeting_id: int) -> int:
    """The participants' counter of an item of this meeting, in one narrow query (404 for an
    item of another meeting): all an unchanged poll needs."""
    row = QuestionBoard.objects.filter(item_id=item_id, item__meeting_id=meeting_id).values_list("version")
    version = row.first()
    if version is not None:
        return version[0]
    if not AgendaItem.objects.filter(pk=item_id, meeting_id=meeting_id).exists():
        raise Http404
    return 0  # no board yet: nobody has asked


def questions_of(board: QuestionBoard) -> QuerySet[Question]:
    if board.pk is None:
        return Question.objects.none()
    return Question.objects.filter(board=board).select_related("author__organisation")


@dataclass
class ParticipantList:
    open: list[Question]
    answered: list[Question]
    waiting: list[Question]  # this person's own named questions waiting for approval
    upvoted: set[int] = field(default_factory=set)  # questions this person upvoted


def participant_list(board: QuestionBoard, person: Person, sort: str = "votes") -> ParticipantList:
    """What a participant sees: open and answered questions (never pending or hidden ones but
    their own named ones waiting), sorted by votes or newest first; 3 queries."""
    shown = list(
        questions_of(board).filter(status__in=[Status.APPROVED, Status.ANSWERED]).order_by(*SORTS[sort])
    )
    waiting = list(questions_of(board).filter(status=Status.PENDING, author=person).order_by("created_at"))
    upvoted = set(
        QuestionVote.objects.filter(person=person, question__board_id=board.pk).values_list(
            "question_id", flat=True
        )
    )
    return ParticipantList(
        open=[q for q in shown if q.status == Status.APPROVED],
        answered=[q for q in shown if q.status == Status.ANSWERED],
        waiting=waiting,
        upvoted=upvoted,
    )


@dataclass
class Queue:
    """The moderator's queue: pending first, then open, answered and hidden."""

    pending: list[Question]
    approved: list[Question]
    answered: list[Question]
    hidden: list[Question]

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in ("pending", "approved", "answered", "hidden")}

    @property
    def merge_targets(self) -> list[Question]:
        """Questions a duplicate may be merged into: those everyone sees."""
        return [*self.approved, *self.answered]


def moderation_queue(board: QuestionBoard) -> Queue:
    """Every question of the board, each group in the order a moderator works through it: 1 query."""
    questions = list(questions_of(board).select_related("merged_into").order_by(*SORTS["votes"]))
    by_status = {status: [q for q in questions if q.status == status] for status in Status.values}
    by_status[Status.PENDING].sort(key=lambda q: (q.created_at, q.pk))  # first come, first moderated
    by_status[Status.ANSWERED].sort(key=lambda q: q.answered_at or q.created_at, reverse=True)
    return Queue(
        pending=by_status[Status.PENDING],
        approved=by_status[Status.APPROVED],
        answered=by_status[Status.ANSWERED],
        hidden=by_status[Status.HIDDEN],
    )


@dataclass
class Projection:
    top: list[Question]  # the open questions with most votes
    answered: list[Question]  # the last ones answered, marked as such


def projection(board: QuestionBoard, *, answered: int = 3) -> Projection:
    """What the projector shows: the top open questions by votes, and the last answered: 2 queries."""
    top = questions_of(board).filter(status=Status.APPROVED).order_by(*SORTS["votes"])[:PROJECTED]
    done = questions_of(board).filter(status=Status.ANSWERED).order_by("-answered_at", "-pk")[:answered]
    return Projection(top=list(top), answered=list(done))


def item_question_counts(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's agenda items, each with `pending`, `approved`, `answered`, `hidden` counts: 1 query."""
    questions = "question_board__questions"

    def count(status: str) -> Count:
        return Count(questions, filter=Q(**{f"{questions}__status": status}))

    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .annotate(**{status: count(status) for status in Status.values})
        .order_by("starts_at", "pk")
    )
