"""The road map: the coalition's strategies, each an activity aimed at a target, with an owner
organisation, a time frame and the articles and findings it is about.

A strategy put to a vote (in a decision that is open or closed) keeps its activity and target
and cannot be removed: the decision's record must say what was voted on. Its owner, time frame,
due date and links may still change, as plans do.

Breakout groups' recommendations become draft strategies, one per line of the group report
(list markers such as "-", "1." or "១)" dropped); lines already drafted from the same group
are skipped, so drafting again after the rapporteur adds lines adds only the new ones.
"""

import re
from collections.abc import Iterable

from django.db import transaction

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.khmer import has_khmer
from sala.core.ordering import move_in_list, next_position
from sala.laws.models import Article
from sala.meetings.models import Consultation
from sala.participation.models import BreakoutGroup, GroupReport
from sala.people.models import Organisation

from ..models import Finding, Strategy
from ..queries.strategies import put_to_vote

TEXT_FIELDS = ("activity_en", "activity_km", "target_en", "target_km", "time_frame_en", "time_frame_km")
VOTED_FIELDS = ("activity_en", "activity_km", "target_en", "target_km")
LIST_MARKER = re.compile(r"^(?:[-*•·–—]+|\(?(?:[0-9០-៩]+|[a-zA-Z])[.)])(?:\s+|$)")


def checked_links(
    consultation: Consultation, articles: Iterable[Article], findings: Iterable[Finding]
) -> tuple[list[Article], list[Finding]]:
    articles, findings = list(articles), list(findings)
    if any(a.draft_id != consultation.draft_id for a in articles):
        raise DomainError("strategy.article_not_in_draft")
    if any(f.consultation_id != consultation.pk for f in findings):
        raise DomainError("strategy.finding_not_in_consultation")
    return articles, findings


def clean_texts(texts: dict[str, str]) -> dict[str, str]:
    values = {name: texts.get(name, "").strip() for name in TEXT_FIELDS}
    if not (values["activity_en"] or values["activity_km"]):
        raise DomainError("strategy.no_activity")
    return values


def record(action: str, strategy: Strategy, actor, **data) -> None:
    audit.record(
        action=action,
        scope=strategy.consultation,
        target=strategy,
        actor=actor,
        data={"activity": audit.texts(strategy, "activity"), **data},
    )


@transaction.atomic
def create_strategy(
    *,
    consultation: Consultation,
    actor,
    owner: Organisation | None = None,
    due_on=None,
    articles: Iterable[Article] = (),
    findings: Iterable[Finding] = (),
    **texts: str,
) -> Strategy:
    """Add a strategy at the end of the road map."""
    values = clean_texts(texts)
    articles, findings = checked_links(consultation, articles, findings)
    strategy = Strategy.objects.create(
        consultation=consultation,
        position=next_position(consultation.strategies.all()),
        owner=owner,
        due_on=due_on,
        **values,
    )
    strategy.articles.set(articles)
    strategy.findings.set(findings)
    record("strategy.created", strategy, actor)
    return strategy


@transaction.atomic
def update_strategy(
    *,
    strategy: Strategy,
    actor,
    owner: Organisation | None,
    due_on,
    articles: Iterable[Article],
    findings: Iterable[Finding],
    **texts: str,
) -> Strategy:
    """Change a strategy; its activity and target are fixed once it was put to a vote."""
    locked = Strategy.objects.select_for_update().select_related("consultation").get(pk=strategy.pk)
    values = clean_texts(texts)
    articles, findings = checked_links(locked.consultation, articles, findings)
    if any(getattr(locked, name) != values[name] for name in VOTED_FIELDS) and put_to_vote(locked):
        raise DomainError("strategy.voted_on")
    for name, value in values.items():
        setattr(locked, name, value)
    locked.owner, locked.due_on = owner, due_on
    locked.save()
    locked.articles.set(articles)
    locked.findings.set(findings)
    record("strategy.changed", locked, actor)
    return locked


@transaction.atomic
def delete_strategy(*, strategy: Strategy, actor) -> None:
    """Remove a strategy (from draft decisions too); not one that was put to a vote."""
    locked = Strategy.objects.select_for_update().select_related("consultation").get(pk=strategy.pk)
    if put_to_vote(locked):
        raise DomainError("strategy.voted_on")
    record("strategy.deleted", locked, actor)
    locked.delete()


@transaction.atomic
def move_strategy(*, strategy: Strategy, actor, step: int) -> None:
    """Swap a strategy with the one above (-1) or below (+1)."""
    move_in_list(strategy, Strategy.objects.filter(consultation_id=strategy.consultation_id), step)
    record("strategy.moved", strategy, actor)


def recommendation_lines(text: str) -> list[str]:
    """One recommendation per non-empty line, without its list marker."""
    lines = (LIST_MARKER.sub("", line.strip()).strip() for line in text.splitlines())
    return [line for line in lines if line]


@transaction.atomic
def strategies_from_group(*, group: BreakoutGroup, actor) -> list[Strategy]:
    """Draft one strategy per recommendation of the group's report not drafted from it yet.

    The text goes to the Khmer or the English activity, by its script; the organisers add the
    target, owner and time frame. Returns the strategies made (none when all were drafted).
    """
    report = GroupReport.objects.select_for_update().filter(group=group).first()
    lines = recommendation_lines(report.recommendations) if report else []
    if not lines:
        raise DomainError("strategy.no_recommendations")
    consultation = Consultation.objects.get(meetings__breakout_groups=group)
    drafted = Strategy.objects.filter(consultation=consultation, from_group=group)
    seen = {text for pair in drafted.values_list("activity_en", "activity_km") for text in pair if text}
    position = next_position(consultation.strategies.all())
    made = []
    for line in dict.fromkeys(lines):
        if line in seen:
            continue
        field = "activity_km" if has_khmer(line) else "activity_en"
        made.append(
            Strategy.objects.create(
                consultation=consultation, position=position + len(made), from_group=group, **{field: line}
            )
        )
    if made:
        audit.record(
            action="strategy.drafted_from_group",
            scope=consultation,
            target=group,
            actor=actor,
            data={"group": audit.texts(group, "topic"), "count": len(made)},
        )
    return made
