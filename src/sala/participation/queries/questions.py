"""Reads of the live Q&A, each in a fixed number of queries.

A board is made by the first question or setting (services.board_for); until then the reads
see an unsaved default board, so that showing a page never writes.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from sala.meetings.models import AgendaItem, Meeting

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


LIVE_SECONDS = 2  # how long a phone may see the board's version late, at worst (see live_board)


def live_key(item_id: int) -> str:
    return f"sala:qa-live:{item_id}"


def live_board(item_id: int, meeting_id: int) -> tuple[int | None, int]:
    """(board id, version) of an item of this meeting (404 for an item of another meeting): all
    an unchanged poll needs. No board yet (nobody has asked): (None, 0).

    Hundreds of phones ask it every few seconds, so it comes from the shared cache, read from
    the database at most every LIVE_SECONDS. A visible change forgets it (forget_live_board)
    when it is made and when it is committed; a poll that read the database between the two
    may put the old version back, for LIVE_SECONDS at most."""
    found = cache.get(live_key(item_id))
    if found is None:
        found = (
            AgendaItem.objects.filter(pk=item_id)
            .values_list("meeting_id", "question_board__id", "question_board__version")
            .first()
        )
        if found is None:
            raise Http404
        cache.set(live_key(item_id), found, LIVE_SECONDS)
    item_meeting_id, board_id, version = found
    if item_meeting_id != meeting_id:
        raise Http404
    return board_id, version or 0


def forget_live_board(item_id: int) -> None:
    """A change the phones must see: the next poll reads the version from the database."""
    cache.delete(live_key(item_id))
    transaction.on_commit(lambda: cache.delete(live_key(item_id)))


def questions_of(board: QuestionBoard) -> QuerySet[Question]:
    if board.pk is None:
        return Question.objects.none()
    return Question.objects.filter(board=board).select_related("author__organisation")


@dataclass
class Shown:
    """What every participant sees alike: open and answered questions, in the sort asked for."""

    open: list[Question]
    answered: list[Question]


def shown_questions(board: QuestionBoard, sort: str = "votes") -> Shown:
    """Open and answered questions (never pending or hidden ones), sorted by votes or newest
    first: 1 query."""
    shown = list(
        questions_of(board).filter(status__in=[Status.APPROVED, Status.ANSWERED]).order_by(*SORTS[sort])
    )
    return Shown(
        open=[q for q in shown if q.status == Status.APPROVED],
        answered=[q for q in shown if q.status == Status.ANSWERED],
    )


@dataclass
class Own:
    """What is one participant's own on a board."""

    waiting: list[Question] = field(default_factory=list)  # their named questions waiting for approval
    upvoted: set[int] = field(default_factory=set)  # the questions they upvoted


OWN_SQL = """
    SELECT id, text, created_at, 0 AS upvoted FROM {question}
     WHERE board_id = %s AND status = %s AND author_id = %s
    UNION ALL
    SELECT v.question_id, '', NULL, 1 FROM {vote} v JOIN {question} q ON q.id = v.question_id
     WHERE q.board_id = %s AND v.person_id = %s
"""


def own_questions(board_id: int | None, person_id: int) -> Own:
    """A participant's waiting questions (text and time) and upvotes on a board: 1 query (none
    before anyone asked). Every phone asks it after every visible change, hence one raw query:
    building the two as ORM querysets costs several times more CPU than running them."""
    if board_id is None:
        return Own()
    sql = OWN_SQL.format(question=Question._meta.db_table, vote=QuestionVote._meta.db_table)
    rows = Question.objects.raw(sql, [board_id, Status.PENDING, person_id, board_id, person_id])
    own = Own()
    for row in rows:
        if row.upvoted:
            own.upvoted.add(row.pk)
        else:
            own.waiting.append(row)
    own.waiting.sort(key=lambda q: (q.created_at, q.pk))
    return own


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
