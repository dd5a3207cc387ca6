"""Carrying a consultation's inputs over to a new version of its draft.

`sala.laws.matching.match_articles` pairs each old article with its new one (by number and
text); an input follows its article. Inputs on the whole text stay on the whole text. An
input whose article has no match keeps its old article and draft, flagged `unplaced`, until
an organiser places it by hand (`place_input`): nothing is guessed, nothing is lost.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, QuerySet

from sala.core import audit
from sala.core.errors import DomainError
from sala.laws.matching import match_articles
from sala.laws.models import Article, DraftVersion
from sala.meetings.models import Consultation

from ..models import Input


@dataclass
class SwitchReport:
    """What moving the inputs to `draft` does (before confirming) or did (after)."""

    draft: DraftVersion
    moved: int = 0  # inputs on an article that has a match
    whole_text: int = 0  # inputs on the text as a whole
    lost: list[tuple[Article, int]] = field(default_factory=list)  # articles without a match: inputs on each

    @property
    def unplaced(self) -> int:
        return sum(count for _, count in self.lost)


def check_new_draft(consultation: Consultation, new_draft: DraftVersion) -> None:
    if new_draft.status != DraftVersion.Status.PUBLISHED:
        raise DomainError("input.draft_not_published")
    law_id = consultation.law_id or (consultation.draft.law_id if consultation.draft else None)
    if law_id is not None and new_draft.law_id != law_id:
        raise DomainError("input.draft_other_law")
    if new_draft.pk == consultation.draft_id:
        raise DomainError("input.draft_unchanged")


def pending_inputs(consultation: Consultation, new_draft: DraftVersion) -> QuerySet[Input]:
    """The inputs not yet settled on `new_draft`."""
    return Input.objects.filter(consultation=consultation).exclude(draft=new_draft, unplaced=False)


def article_moves(pending: QuerySet[Input], new_draft: DraftVersion) -> dict[int, int | None]:
    """Where each article that has inputs goes in the new version (None: nowhere)."""
    new_articles = list(new_draft.articles.order_by("position"))
    moves: dict[int, int | None] = {}
    drafts = pending.exclude(article=None).order_by().values_list("article__draft_id", flat=True).distinct()
    for draft_id in drafts:
        if draft_id == new_draft.pk:  # unplaced earlier, and back on its own version
            moves.update({article.pk: article.pk for article in new_articles})
        else:
            moves.update(match_articles(list(Article.objects.filter(draft_id=draft_id)), new_articles))
    return moves


def plan_switch(*, consultation: Consultation, new_draft: DraftVersion) -> SwitchReport:
    """The report `switch_draft` would give, without changing anything (for the confirmation)."""
    check_new_draft(consultation, new_draft)
    pending = pending_inputs(consultation, new_draft)
    return report(pending, new_draft, article_moves(pending, new_draft))


def report(pending: QuerySet[Input], new_draft: DraftVersion, moves: dict[int, int | None]) -> SwitchReport:
    result = SwitchReport(draft=new_draft)
    counts = pending.order_by().values_list("article_id", "unplaced").annotate(count=Count("pk"))
    lost: dict[int, int] = {}
    for article_id, unplaced, count in counts:
        if article_id is not None and moves.get(article_id) is None:
            lost[article_id] = lost.get(article_id, 0) + count
        elif article_id is not None:
            result.moved += count
        elif not unplaced:  # an unplaced input whose old article was deleted stays unplaced
            result.whole_text += count
    articles = Article.objects.in_bulk(lost)
    result.lost = sorted(((articles[pk], count) for pk, count in lost.items()), key=lambda r: r[0].position)
    return result


@transaction.atomic
def switch_draft(*, consultation: Consultation, new_draft: DraftVersion, actor) -> SwitchReport:
    """Make `new_draft` the text under consultation and move every input onto it."""
    consultation = (
        Consultation.objects.select_for_update(of=("self",)).select_related("draft").get(pk=consultation.pk)
    )
    check_new_draft(consultation, new_draft)
    pending = pending_inputs(consultation, new_draft)
    moves = article_moves(pending, new_draft)
    result = report(pending, new_draft, moves)
    targets: dict[int, list[int]] = {}
    for old_id, new_id in moves.items():
        if new_id is not None:
            targets.setdefault(new_id, []).append(old_id)
    for new_id, old_ids in targets.items():
        pending.filter(article_id__in=old_ids).update(article_id=new_id, draft=new_draft, unplaced=False)
    pending.filter(article_id__in=[a.pk for a, _ in result.lost]).update(unplaced=True)
    pending.filter(article=None, unplaced=False).update(draft=new_draft)
    old_label = consultation.draft.label if consultation.draft else ""
    consultation.draft = new_draft
    consultation.save(update_fields=["draft"])
    audit.record(
        action="input.draft_switched",
        scope=consultation,
        actor=actor,
        data={
            "from": old_label,
            "to": new_draft.label,
            "moved": result.moved,
            "whole_text": result.whole_text,
            "unplaced": result.unplaced,
        },
    )
    return result
