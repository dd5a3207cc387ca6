"""The live Q&A of an agenda item: asking, upvoting and moderating questions.

Two counters on the board make the live views cheap (see QuestionBoard): every change moves
`activity` (the moderator's queue and the projector follow it); a change participants can see
moves `version` too (their phones follow it). Both move by an F() update in the transaction
of the change, so parallel requests never lose a step.

Asking and upvoting are not audited: an anonymous question must leave no trace of its asker,
and a room of phones upvoting would flood the log. Moderation is audited, scoped to the
meeting, with the organiser as actor, or the facilitator's name for one acting by their link.

Locks, in one order everywhere (question rows by pk, then the board row), so that parallel
upvotes, moderation and merges never deadlock.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.limits import Limit
from sala.meetings.models import AgendaItem, Facilitator
from sala.people.models import Person

from ..models import Question, QuestionBoard, QuestionVote
from ..queries import questions as queries
from .inputs import clean_text

MAX_QUESTION = 500  # characters

Status = Question.Status
SHOWN = {Status.APPROVED, Status.ANSWERED}  # what participants and the projector see


def board_for(item: AgendaItem) -> QuestionBoard:
    """The item's Q&A board, made with the default settings the first time it is needed."""
    board, created = QuestionBoard.objects.get_or_create(item=item)
    if created:
        queries.forget_live_board(item.pk)  # the phones' cached "no board yet"
    return board


def bump(board: QuestionBoard, *, visible: bool) -> None:
    """Move the board's counters: `activity` always, `version` if participants see the change
    (and then the phones' cached version is forgotten)."""
    counters = {"activity": F("activity") + 1}
    if visible:
        counters["version"] = F("version") + 1
        queries.forget_live_board(board.item_id)
    QuestionBoard.objects.filter(pk=board.pk).update(**counters)


def question_text(text: str) -> str:
    """One paragraph of plain text: no control characters, spaces and line ends collapsed."""
    text = " ".join(clean_text(text).split())
    if not text:
        raise DomainError("question.empty")
    if len(text) > MAX_QUESTION:
        raise DomainError("question.too_long", max=MAX_QUESTION)
    return text


def count_asker(rate_keys: list[str]) -> None:
    """Each key ("person:…", "address:…") counts against its limit, under a keyed hash."""
    # Per minute (settings.py); everyone on a venue's wifi may share one address, hence its margin.
    per_person = settings.SALA_QUESTION_LIMIT_PER_PERSON
    per_address = settings.SALA_QUESTION_LIMIT_PER_ADDRESS
    for key in rate_keys:
        if key.startswith("address:"):
            Limit("questions-address", per_address, 60, "question.too_many_from_address").take(key)
        else:
            Limit("questions", per_person, 60, "question.too_many").take(key)


def ask_question(
    *,
    item: AgendaItem | None = None,
    board: QuestionBoard | None = None,
    text: str,
    author: Person | None,
    rate_keys: list[str],
) -> Question:
    """A participant's question; `author=None` asks anonymously and stores no one at all.

    It waits for a moderator if the board has pre-moderation, else everyone sees it at once.
    `rate_keys` name the asker for the rate limits (the person and the address; the demo
    passes none). Not audited, so that nothing records who asked.
    """
    text = question_text(text)
    count_asker(rate_keys)  # before the board is locked: every asker and upvoter waits for that lock
    with transaction.atomic():
        board = QuestionBoard.objects.select_for_update().get(pk=(board or board_for(item)).pk)
        if not board.is_open:
            raise DomainError("question.closed")
        status = Status.PENDING if board.pre_moderation else Status.APPROVED
        question = Question.objects.create(board=board, text=text, author=author, status=status)
        bump(board, visible=status == Status.APPROVED)
    return question


def sql(statement: str) -> str:
    """A statement on the questions' tables, named as the models name them."""
    return statement.format(question=Question._meta.db_table, vote=QuestionVote._meta.db_table)


def locked_for_votes(cursor, question: Question) -> tuple[str, int]:
    """The question's status and votes, its row locked: Question.DoesNotExist unless it is on
    `question.board_id` (a view passes the board the URL names, unchecked until here)."""
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    cursor.execute(sql("SELECT status, votes FROM {question} WHERE id = %s AND board_id = %s") + lock,
                   [question.pk, question.board_id])  # fmt: skip
    row = cursor.fetchone()
    if row is None:
        raise Question.DoesNotExist
    return row


def upvote_question(*, question: Question, person: Person) -> bool:
    """One upvote per person and question; False if this person had already upvoted it. The
    given question's `votes` is brought up to date.

    Safe under concurrency: the question's row is locked first, the database's unique constraint
    decides (ON CONFLICT DO NOTHING, in PostgreSQL and SQLite alike), and the count moves in the
    same transaction. An upvote moves `activity` only: phones refresh the counts with the next
    visible change (see the participant's live view). Plain SQL, four statements: a room of
    phones sends dozens a second, and the ORM's way (a savepoint, the board joined) cost twice
    the time.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        status, votes = locked_for_votes(cursor, question)
        if status != Status.APPROVED:
            raise DomainError("question.not_open_for_votes")
        insert = "INSERT INTO {vote} (question_id, person_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"
        cursor.execute(sql(insert), [question.pk, person.pk])
        if not cursor.rowcount:
            question.votes = votes
            return False
        cursor.execute(sql("UPDATE {question} SET votes = votes + 1 WHERE id = %s"), [question.pk])
        bump(QuestionBoard(pk=question.board_id), visible=False)
    question.votes = votes + 1  # the row was locked: no one else moved it meanwhile
    return True


def withdraw_upvote(*, question: Question, person: Person) -> bool:
    """A person takes back their upvote; False if there was none. The given question's `votes`
    is brought up to date."""
    with transaction.atomic(), connection.cursor() as cursor:
        _status, votes = locked_for_votes(cursor, question)
        cursor.execute(
            sql("DELETE FROM {vote} WHERE question_id = %s AND person_id = %s"), [question.pk, person.pk]
        )
        if not cursor.rowcount:
            question.votes = votes
            return False
        cursor.execute(sql("UPDATE {question} SET votes = votes - 1 WHERE id = %s"), [question.pk])
        bump(QuestionBoard(pk=question.board_id), visible=False)
    question.votes = votes - 1
    return True


def moderator_label(question: Question, actor, facilitator: Facilitator | None) -> str:
    """Who moderates, for the audit log; PermissionDenied for anyone but the meeting's organisers
    and the item's own facilitators (by their link)."""
    item = question.board.item
    if facilitator is not None:
        if facilitator.item_id != item.pk or facilitator.is_declined:
            raise PermissionDenied
        return str(facilitator.person)
    if actor is None or not actor.has_perm("participation.moderate_questions", item.meeting):
        raise PermissionDenied
    return ""


def locked(question: Question) -> Question:
    return (
        Question.objects.select_related("board__item__meeting")
        .select_for_update(of=("self",))
        .get(pk=question.pk)
    )


def record(action: str, question: Question, actor, label: str, **data) -> None:
    item = question.board.item
    audit.record(
        action=action,
        scope=item.meeting,
        target=question,
        actor=None if label else actor,
        actor_label=label,
        data={"title": audit.texts(item, "title"), "question": question.pk, "note": question.text, **data},
    )


def change_status(
    *, question: Question, to: str, allowed_from: set[str], action: str, actor, facilitator, **fields
) -> Question:
    """Move a question to `to` (nothing happens if it is there already), audited."""
    with transaction.atomic():
        question = locked(question)
        label = moderator_label(question, actor, facilitator)
        if question.status == to:
            return question
        if question.status not in allowed_from:
            raise DomainError("question.changed_meanwhile")
        before = question.status
        question.status = to
        for name, value in fields.items():
            setattr(question, name, value)
        question.save(update_fields=["status", *fields])
        bump(question.board, visible=bool({before, to} & SHOWN))
        record(action, question, actor, label)
    return question


def approve_question(*, question: Question, actor=None, facilitator: Facilitator | None = None) -> Question:
    """A question waiting for moderation is shown to everyone."""
    return change_status(
        question=question,
        to=Status.APPROVED,
        allowed_from={Status.PENDING},
        action="question.approved",
        actor=actor,
        facilitator=facilitator,
    )


def hide_question(*, question: Question, actor=None, facilitator: Facilitator | None = None) -> Question:
    """Off topic, abusive, or a duplicate: no one but the moderators sees it any more."""
    return change_status(
        question=question,
        to=Status.HIDDEN,
        allowed_from={Status.PENDING, Status.APPROVED, Status.ANSWERED},
        action="question.hidden",
        actor=actor,
        facilitator=facilitator,
    )


def mark_answered(*, question: Question, actor=None, facilitator: Facilitator | None = None) -> Question:
    return change_status(
        question=question,
        to=Status.ANSWERED,
        allowed_from={Status.PENDING, Status.APPROVED},
        action="question.answered",
        actor=actor,
        facilitator=facilitator,
        answered_at=timezone.now(),
    )


def reopen_question(*, question: Question, actor=None, facilitator: Facilitator | None = None) -> Question:
    """An answered or hidden question is open again (a merged one leaves its merge; the upvotes
    it gave to the other question stay there)."""
    return change_status(
        question=question,
        to=Status.APPROVED,
        allowed_from={Status.ANSWERED, Status.HIDDEN},
        action="question.reopened",
        actor=actor,
        facilitator=facilitator,
        answered_at=None,
        merged_into=None,
    )


def merge_questions(
    *, duplicate: Question, into: Question, actor=None, facilitator: Facilitator | None = None
) -> Question:
    """`duplicate` asks what `into` asks: it is hidden and points at `into`, which gains the
    upvotes of its voters who had not upvoted `into` already (each person still counts once)."""
    with transaction.atomic():
        first, second = sorted([duplicate, into], key=lambda q: q.pk)
        locked_pair = {q.pk: q for q in (locked(first), locked(second))}
        duplicate, into = locked_pair[duplicate.pk], locked_pair[into.pk]
        label = moderator_label(duplicate, actor, facilitator)
        if (
            duplicate.pk == into.pk
            or duplicate.board_id != into.board_id
            or into.status not in SHOWN
            or duplicate.status == Status.HIDDEN
        ):
            raise DomainError("question.bad_merge")
        voters = QuestionVote.objects.filter(question=into).values("person")
        QuestionVote.objects.filter(question=duplicate).exclude(person__in=voters).update(question=into)
        QuestionVote.objects.filter(question=duplicate).delete()  # those who had upvoted both
        Question.objects.filter(merged_into=duplicate).update(merged_into=into)
        duplicate.status, duplicate.merged_into, duplicate.votes = Status.HIDDEN, into, 0
        duplicate.save(update_fields=["status", "merged_into", "votes"])
        into.votes = QuestionVote.objects.filter(question=into).count()
        into.save(update_fields=["votes"])
        bump(into.board, visible=True)
        record("question.merged", duplicate, actor, label, into=into.pk)
    return into


def set_board(*, board: QuestionBoard, is_open: bool, pre_moderation: bool, actor) -> QuestionBoard:
    """An organiser opens or closes the questions, or turns pre-moderation on or off.

    Questions already waiting keep waiting when pre-moderation is turned off: approve them.
    """
    with transaction.atomic():
        board = (
            QuestionBoard.objects.select_related("item__meeting")
            .select_for_update(of=("self",))
            .get(pk=board.pk)
        )
        if not actor.has_perm("participation.moderate_questions", board.item.meeting):
            raise PermissionDenied
        if (board.is_open, board.pre_moderation) == (is_open, pre_moderation):
            return board
        board.is_open, board.pre_moderation = is_open, pre_moderation
        board.save(update_fields=["is_open", "pre_moderation"])
        bump(board, visible=True)
        audit.record(
            action="questions.settings_changed",
            scope=board.item.meeting,
            target=board,
            actor=actor,
            data={
                "title": audit.texts(board.item, "title"),
                "is_open": is_open,
                "pre_moderation": pre_moderation,
            },
        )
    board.refresh_from_db(fields=["version", "activity"])
    return board
