"""Reads of the road map: the strategies with what they link to, and the group reports to draft from."""

from django.db.models import Prefetch

from sala.laws.models import Article
from sala.meetings.models import Consultation
from sala.participation.models import GroupReport

from ..models import Decision, Finding, Strategy


def road_map(consultation: Consultation) -> list[Strategy]:
    """The strategies in order (five queries whatever their number); `votes` lists the opened
    decisions each was put to."""
    return list(
        Strategy.objects.filter(consultation=consultation)
        .select_related("owner", "from_group")
        .prefetch_related(
            Prefetch("articles", Article.objects.order_by("position")),
            Prefetch("findings", Finding.objects.select_related("article").order_by("article__position")),
            Prefetch(
                "decisions",
                Decision.objects.exclude(status=Decision.Status.DRAFT).order_by("pk"),
                to_attr="votes",
            ),
        )
    )


def put_to_vote(strategy: Strategy) -> bool:
    """Whether the strategy is in a decision that opened (open or closed)."""
    return strategy.decisions.exclude(status=Decision.Status.DRAFT).exists()


def group_reports(consultation: Consultation) -> list[GroupReport]:
    """The reports of the consultation's breakout groups that have recommendations."""
    return list(
        GroupReport.objects.filter(group__meeting__consultation=consultation)
        .exclude(recommendations="")
        .select_related("group__meeting")
        .order_by("group__meeting__starts_at", "group__position", "group__pk")
    )
