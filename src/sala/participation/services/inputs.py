"""Giving, withdrawing and placing inputs on the articles of a consultation's draft.

Anonymity is kept by storing nothing: an anonymous input has no author and no `entered_by`,
and its audit entry has no actor, no target and no name, only the article it is about.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.limits import Limit
from sala.laws.models import Article
from sala.meetings.models import Consultation, Meeting
from sala.people.models import Organisation, Person

from ..models import Concern, Input
from .window import inputs_open

MAX_TEXT = 5000  # characters of a comment or a proposed wording
RATE_LIMIT = 20  # inputs one participant may give...
RATE_WINDOW = 600  # ...per this many seconds

# Control characters (but line feeds and tabs) and the bidi overrides that can disguise a text.
_UNSAFE = dict.fromkeys(
    [c for c in range(0x20) if chr(c) not in "\n\t"]
    + list(range(0x7F, 0xA0))
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)


def clean_text(text: str) -> str:
    """Plain text as typed, without what a reader cannot see; Unix line ends; no outer spaces."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_UNSAFE).strip()


def count_towards_limit(rate_key: str) -> None:
    """At most RATE_LIMIT inputs per giver (an invitation or an account) and window."""
    Limit("inputs", RATE_LIMIT, RATE_WINDOW, "input.too_many").take(rate_key)


def checked_texts(comment: str, proposed_wording: str) -> tuple[str, str]:
    comment, proposed_wording = clean_text(comment), clean_text(proposed_wording)
    if not comment:
        raise DomainError("input.no_comment")
    if len(comment) > MAX_TEXT or len(proposed_wording) > MAX_TEXT:
        raise DomainError("input.too_long", max=MAX_TEXT)
    return comment, proposed_wording


def article_label(article: Article | None) -> str:
    return article.number if article is not None else ""


def give_input(
    *,
    consultation: Consultation,
    article: Article | None = None,
    concern: str,
    comment: str,
    proposed_wording: str = "",
    organisation: Organisation | None = None,
    channel: str,
    meeting: Meeting | None = None,
    author: Person | None = None,
    show_author: bool = False,
    anonymous: bool,
    entered_by=None,
    rate_key: str = "",
) -> Input:
    """An input on an article of the consultation's draft, or on the whole text (`article=None`).

    A participant gives it online, while the window is open, at most RATE_LIMIT per
    RATE_WINDOW (`rate_key` names the giver; default: the author). An organiser transcribing
    paper, meeting notes or an email passes `entered_by` and may do so at any time; for an
    anonymous input `entered_by` is checked, then dropped like the author.
    """
    if entered_by is not None and not entered_by.has_perm("participation.manage_inputs", consultation):
        raise PermissionDenied
    if entered_by is None and channel != Input.Channel.ONLINE:
        raise ValueError("Only organisers enter inputs given on paper or at a meeting.")
    if anonymous:
        author, show_author = None, False
    elif author is None:
        raise DomainError("input.no_author")
    giver = rate_key or (f"person:{author.pk}" if author is not None else "")
    if entered_by is None and not giver:
        raise ValueError("An anonymous participant's input needs a rate_key.")
    if concern not in Concern.values or channel not in Input.Channel.values:
        raise DomainError("input.bad_choice")
    comment, proposed_wording = checked_texts(comment, proposed_wording)
    with transaction.atomic():
        # The row lock orders inputs and switch_draft: an input never lands on a replaced draft.
        consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
        if consultation.draft_id is None:
            raise DomainError("input.no_draft")
        if article is not None and article.draft_id != consultation.draft_id:
            raise DomainError("input.article_not_in_draft")
        if meeting is not None and meeting.consultation_id != consultation.pk:
            raise DomainError("input.meeting_not_in_consultation")
        if entered_by is None:
            if not inputs_open(consultation):
                raise DomainError("input.window_closed")
            count_towards_limit(giver)
        given = Input.objects.create(
            consultation=consultation,
            draft_id=consultation.draft_id,
            article=article,
            concern=concern,
            comment=comment,
            proposed_wording=proposed_wording,
            organisation=organisation,
            channel=channel,
            meeting=meeting,
            author=author,
            show_author=show_author,
            entered_by=None if anonymous else entered_by,
        )
        record_given(given, entered_by=entered_by)
    return given


def record_given(given: Input, *, entered_by) -> None:
    if given.is_anonymous:
        data = {"article": article_label(given.article)}
        audit.record(action="input.given", scope=given.consultation, data=data)
        return
    audit.record(
        action="input.given",
        scope=given.consultation,
        target=given.author,  # erasing the person empties the entry's data, the name with it
        actor=entered_by,
        data={"article": article_label(given.article), "input": given.pk, "name": str(given.author)},
    )


@transaction.atomic
def withdraw_input(*, input: Input, author: Person) -> None:
    """The author takes back their own named input while the window is open.

    Anonymous inputs cannot be withdrawn: nothing says whose they are.
    """
    given = (
        Input.objects.select_related("consultation", "article")
        .select_for_update(of=("self",))
        .get(pk=input.pk)
    )
    if given.author_id != author.pk:
        raise DomainError("input.not_yours")
    if not inputs_open(given.consultation):
        raise DomainError("input.window_closed")
    audit.record(
        action="input.withdrawn",
        scope=given.consultation,
        target=author,
        data={"article": article_label(given.article), "input": given.pk, "name": str(author)},
    )
    given.delete()


@transaction.atomic
def place_input(*, input: Input, article: Article | None, actor) -> Input:
    """An organiser puts an input the new draft could not place on an article (or the whole text)."""
    given = Input.objects.select_related("consultation").select_for_update(of=("self",)).get(pk=input.pk)
    draft_id = given.consultation.draft_id
    if draft_id is None:
        raise DomainError("input.no_draft")
    if article is not None and article.draft_id != draft_id:
        raise DomainError("input.article_not_in_draft")
    given.draft_id, given.article, given.unplaced = draft_id, article, False
    given.save(update_fields=["draft", "article", "unplaced"])
    audit.record(
        action="input.placed",
        scope=given.consultation,
        target=given,
        actor=actor,
        data={"article": article_label(article)},
    )
    return given
