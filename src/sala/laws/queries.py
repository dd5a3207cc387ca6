"""Reads for the laws app: a fixed number of queries per page, whatever a law's history holds."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from .models import Analysis, DraftVersion, Law, LawStage

# --- Law tracker --------------------------------------------------------------------------


def with_current_stage(laws: QuerySet[Law]) -> QuerySet[Law]:
    """Each law with its latest stage (`current_stage`, `current_stage_date`, `current_stage_precision`)."""
    latest = LawStage.objects.filter(law=OuterRef("pk")).order_by("-date", "-pk")
    return laws.annotate(
        current_stage=Subquery(latest.values("stage")[:1]),
        current_stage_date=Subquery(latest.values("date")[:1]),
        current_stage_precision=Subquery(latest.values("precision")[:1]),
    )


def laws_changeable_by(user) -> QuerySet[Law]:
    """The laws of the consultations the user organises, and those no consultation has yet
    (every law for a superuser): the same laws `laws.change_law` lets them change."""
    if user.is_superuser:
        laws = Law.objects.all()
    elif user.organised_consultations.exists():
        laws = Law.objects.filter(Q(consultations__organisers=user) | Q(consultations__isnull=True))
    else:
        laws = Law.objects.none()
    return with_current_stage(laws.distinct().order_by("title_en", "title_km"))


def public_laws(stage: str = "") -> QuerySet[Law]:
    """Laws on the public tracker; with `stage`, only those whose latest stage it is."""
    laws = with_current_stage(Law.objects.filter(is_public=True).order_by("title_en", "title_km"))
    return laws.filter(current_stage=stage) if stage else laws


def public_laws_version() -> str:
    """What the public list depends on, in one query: laws come, go and change."""
    found = Law.objects.filter(is_public=True).aggregate(changed=Max("updated_at"), count=Count("pk"))
    return f"{found['count']}.{found['changed'].timestamp() if found['changed'] else 0}"


def law_version(slug: str) -> tuple[Law, str]:
    """The law's few fields needed to decide who may see it, and what its public page depends on.

    Besides the law itself (stage and analysis services touch it), the page shows published
    drafts and public meetings, which change without touching the law.
    """
    law = get_object_or_404(
        Law.objects.only("pk", "slug", "is_public", "updated_at").annotate(
            meeting_count=Count("consultations__meetings", distinct=True),
            meetings_changed=Max("consultations__meetings__updated_at"),
            draft_count=Count(
                "drafts", filter=Q(drafts__status=DraftVersion.Status.PUBLISHED), distinct=True
            ),
            drafts_changed=Max("drafts__published_at"),
        ),
        slug=slug,
    )
    times = (law.updated_at, law.meetings_changed, law.drafts_changed)
    stamps = [str(t.timestamp()) if t else "" for t in times]
    return law, ".".join([str(law.pk), str(law.meeting_count), str(law.draft_count), *stamps])


@dataclass(frozen=True)
class LawPage:
    law: Law
    stages: list[LawStage]
    analyses: list[Analysis]
    drafts: list[DraftVersion]
    meetings: list

    @property
    def current_stage(self) -> LawStage | None:
        return self.stages[-1] if self.stages else None


def law_page(slug: str) -> LawPage:
    """Everything the public page of a law shows, in five queries."""
    law = get_object_or_404(Law, slug=slug)
    # Meetings sit above laws: the model is looked up by name, never imported.
    meeting_model = apps.get_model("meetings", "Meeting")
    meetings = meeting_model.objects.filter(
        consultation__law=law, visibility=meeting_model.Visibility.PUBLIC
    ).select_related("consultation")
    return LawPage(
        law=law,
        stages=list(law.stages.all()),
        analyses=list(law.analyses.all()),
        drafts=list(law.drafts.filter(status=DraftVersion.Status.PUBLISHED).order_by("-published_at")),
        meetings=list(meetings.order_by("-starts_at")),
    )


def analysis_of(slug: str, pk: int) -> Analysis:
    return get_object_or_404(Analysis.objects.select_related("law"), law__slug=slug, pk=pk)
