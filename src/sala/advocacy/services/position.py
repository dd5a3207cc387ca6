"""The joint position: findings per article, what became of each input, and its publication.

Every change writes an audit entry of the consultation (the public account's version reads
the newest one) and forgets the cached version once committed.
"""

from django.db import transaction
from django.utils import timezone, translation

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.laws.models import Article
from sala.meetings.models import Consultation
from sala.participation.models import Input

from ..models import Disposition, Finding
from ..queries import WHOLE_TEXT_LABEL, disposition_of, forget_version

FINDING_FIELDS = (
    "finding_en",
    "finding_km",
    "recommendation_en",
    "recommendation_km",
    "wording_en",
    "wording_km",
)
DECISION_FIELDS = ["status", "merged_into", "reason_en", "reason_km", "decided_by", "decided_at"]


def place_title(article: Article | None) -> dict[str, str]:
    """What an audit entry calls the article, in both languages."""
    title = {}
    for lang in ("en", "km"):
        with translation.override(lang):
            title[lang] = str(article) if article is not None else str(WHOLE_TEXT_LABEL)
    return title


def changed(consultation: Consultation) -> None:
    transaction.on_commit(lambda: forget_version(consultation))


@transaction.atomic
def save_finding(
    *, consultation: Consultation, article: Article | None, actor, **texts: str
) -> Finding | None:
    """Write the position on an article (None: on the text as a whole); all texts empty removes it."""
    if article is not None and article.draft_id != consultation.draft_id:
        raise DomainError("finding.not_in_draft")
    values = {name: texts.get(name, "").strip() for name in FINDING_FIELDS}
    title = place_title(article)
    changed(consultation)
    if not any(values.values()):
        deleted, _rows = Finding.objects.filter(consultation=consultation, article=article).delete()
        if deleted:
            audit.record(action="finding.removed", scope=consultation, actor=actor, data={"title": title})
        return None
    finding, _created = Finding.objects.update_or_create(
        consultation=consultation, article=article, defaults=values
    )
    audit.record(
        action="finding.saved", scope=consultation, target=finding, actor=actor, data={"title": title}
    )
    return finding


@transaction.atomic
def decide_inputs(
    *,
    input: Input,
    actor,
    status: str,
    merged_into: int | None = None,
    reason_en: str = "",
    reason_km: str = "",
    whole_group: bool = False,
) -> list[int]:
    """Say what became of an input, or of its near-duplicate group on the same article at once.

    A merged input points at one that is not itself merged: merging into a merged input goes
    to the one it was merged into, and inputs merged into those being merged follow them. A
    group merged into one of its own inputs leaves that one as it was (a campaign merged into
    its first copy). Returns the ids of the inputs decided.
    """
    status = Disposition.Status(status)
    reason_en, reason_km = reason_en.strip(), reason_km.strip()
    if status == Disposition.Status.NOT_INTEGRATED and not (reason_en or reason_km):
        raise DomainError("disposition.reason_required")
    input = (
        Input.objects.select_for_update(of=("self",))
        .select_related("consultation", "article")
        .get(pk=input.pk)
    )
    consultation = input.consultation
    members = [input.pk]
    if whole_group and input.group is not None:
        members = list(
            Input.objects.filter(consultation=consultation, group=input.group, article_id=input.article_id)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    target = None
    if status == Disposition.Status.MERGED:
        target = merge_target(consultation, merged_into)
        members = [pk for pk in members if pk != target.pk]  # a group merged into one of its own
        if not members:
            raise DomainError("disposition.merged_into_itself")
    now = timezone.now()
    Disposition.objects.bulk_create(
        [
            Disposition(
                input_id=pk,
                status=status,
                merged_into=target,
                reason_en=reason_en if status != Disposition.Status.MERGED else "",
                reason_km=reason_km if status != Disposition.Status.MERGED else "",
                decided_by=actor,
                decided_at=now,
            )
            for pk in members
        ],
        update_conflicts=True,
        unique_fields=["input"],
        update_fields=DECISION_FIELDS,
    )
    if target is not None:
        Disposition.objects.filter(merged_into_id__in=members).update(merged_into=target)
    audit.record(
        action="disposition.decided",
        scope=consultation,
        target=input,
        actor=actor,
        data={"title": place_title(input.article), "status": status.value, "count": len(members)},
    )
    changed(consultation)
    return members


def merge_target(consultation: Consultation, number: int | None) -> Input:
    """The input others are merged into, followed to the end of a merge."""
    if number is None:
        raise DomainError("disposition.merged_into_required")
    target = Input.objects.filter(consultation=consultation, pk=number).select_related("disposition").first()
    if target is None:
        raise DomainError("disposition.merged_into_unknown", number=digits(number))
    seen = {target.pk}
    while (following := merged_into_of(target)) is not None and following not in seen:
        seen.add(following)
        target = Input.objects.select_related("disposition").get(pk=following)
    return target


def merged_into_of(input: Input) -> int | None:
    disposition = disposition_of(input)
    if disposition is None or disposition.status != Disposition.Status.MERGED:
        return None
    return disposition.merged_into_id


@transaction.atomic
def publish_position(*, consultation: Consultation, actor) -> Consultation:
    """Make the joint position public (its account and its PDF); needs at least one finding."""
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not Finding.objects.filter(consultation=locked).exists():
        raise DomainError("position.no_finding")
    if locked.position_published_at is None:
        locked.position_published_at = timezone.now()
        locked.save(update_fields=["position_published_at"])
        audit.record(action="position.published", scope=locked, actor=actor)
        changed(locked)
    return locked


@transaction.atomic
def unpublish_position(*, consultation: Consultation, actor) -> Consultation:
    """Take the joint position off the public pages (they answer 404 again)."""
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if locked.position_published_at is not None:
        locked.position_published_at = None
        locked.save(update_fields=["position_published_at"])
        audit.record(action="position.unpublished", scope=locked, actor=actor)
        changed(locked)
    return locked
