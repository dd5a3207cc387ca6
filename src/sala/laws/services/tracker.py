"""The law tracker: laws, their stage history and the analyses attached to them.

Permissions are checked by the views (rules); these functions keep the data sound, write
the audit log, and move `Law.updated_at` on every change, since the public pages' ETags and
cache keys are taken from it.
"""

import zipfile
from datetime import date
from typing import Any
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import lazy

from sala.core import audit
from sala.core.errors import DomainError
from sala.core.khmer import digits

from ..models import Analysis, Law, LawStage

LAW_FIELDS = (
    "slug", "title_en", "title_km", "summary_en", "summary_km", "ministry_en", "ministry_km",
    "sensitivity", "fast_tracked", "public_consultation", "is_public",
)  # fmt: skip
STAGE_FIELDS = ("stage", "date", "precision", "note_en", "note_km", "source_url", "source_title")

ANALYSIS_MAX_MB = 20
ANALYSIS_MAX_BYTES = ANALYSIS_MAX_MB * 1024 * 1024
DOCX_PART = "word/document.xml"
check_url = URLValidator(schemes=["http", "https"])


def check_fields(given: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(given) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")


def check_link(url: str) -> None:
    """Links are shown to the public as they are: only plain web addresses."""
    if not url:
        return
    try:
        check_url(url)
    except ValidationError as error:
        raise DomainError("link.bad_url", value=url) from error


def touch(law: Law) -> None:
    """Mark the law changed, so the public pages get a new ETag and cache key."""
    Law.objects.filter(pk=law.pk).update(updated_at=timezone.now())


def lock_law(law: Law) -> Law:
    return Law.objects.select_for_update().get(pk=law.pk)


def check_law(law: Law) -> None:
    if not (law.title_en.strip() or law.title_km.strip()):
        raise DomainError("law.no_title")
    if Law.objects.filter(slug=law.slug).exclude(pk=law.pk).exists():
        raise DomainError("law.slug_taken")


def save_law(law: Law) -> None:
    try:
        with transaction.atomic():
            law.save()
    except IntegrityError as error:  # a concurrent save took the web address
        raise DomainError("law.slug_taken") from error


@transaction.atomic
def create_law(*, actor, **fields: Any) -> Law:
    check_fields(fields, LAW_FIELDS)
    law = Law(**fields)
    check_law(law)
    save_law(law)
    audit.record(
        action="law.created", scope=law, target=law, actor=actor, data={"title": audit.texts(law, "title")}
    )
    return law


@transaction.atomic
def update_law(*, law: Law, actor, **fields: Any) -> Law:
    check_fields(fields, LAW_FIELDS)
    law = lock_law(law)
    changed = sorted(name for name, value in fields.items() if getattr(law, name) != value)
    for name, value in fields.items():
        setattr(law, name, value)
    check_law(law)
    save_law(law)
    audit.record(action="law.changed", scope=law, target=law, actor=actor, data={"fields": changed})
    return law


def known_part(day: date, precision: str) -> date:
    """The date cut to what is known of it: a month is stored as its 1st, a year as 1 January."""
    if precision == LawStage.Precision.YEAR:
        return day.replace(month=1, day=1)
    if precision == LawStage.Precision.MONTH:
        return day.replace(day=1)
    return day


def check_stage(stage: LawStage) -> None:
    if stage.stage not in LawStage.Stage.values or stage.precision not in LawStage.Precision.values:
        raise ValueError(f"Unknown stage or precision: {stage.stage!r}, {stage.precision!r}")
    stage.date = known_part(stage.date, stage.precision)
    if stage.date > timezone.localdate():
        raise DomainError("stage.date_in_future")
    check_link(stage.source_url)


def stage_data(stage: LawStage) -> dict:
    return {"stage": stage.stage, "date": stage.date.isoformat(), "precision": stage.precision}


@transaction.atomic
def add_stage(*, law: Law, actor, **fields: Any) -> LawStage:
    check_fields(fields, STAGE_FIELDS)
    stage = LawStage(law=law, **fields)
    check_stage(stage)
    stage.save()
    touch(law)
    audit.record(action="law.stage_added", scope=law, target=stage, actor=actor, data=stage_data(stage))
    return stage


@transaction.atomic
def update_stage(*, law_stage: LawStage, actor, **fields: Any) -> LawStage:
    """Change a stage (`law_stage`: its field `stage` is one of the changes it may take)."""
    check_fields(fields, STAGE_FIELDS)
    stage = LawStage.objects.select_for_update().get(pk=law_stage.pk)
    before = stage_data(stage)
    for name, value in fields.items():
        setattr(stage, name, value)
    check_stage(stage)
    stage.save()
    touch(stage.law)
    audit.record(
        action="law.stage_changed",
        scope=stage.law,
        target=stage,
        actor=actor,
        data={"from": before, "to": stage_data(stage)},
    )
    return stage


@transaction.atomic
def delete_stage(*, law_stage: LawStage, actor) -> None:
    law = law_stage.law
    audit.record(
        action="law.stage_deleted", scope=law, target=law_stage, actor=actor, data=stage_data(law_stage)
    )
    law_stage.delete()
    touch(law)


def file_kind(upload: File) -> str:
    """The upload's extension ("pdf" or "docx") once its content proves it; else the upload is refused.

    The extension alone would let any file through under a new name, so the content is read too.
    """
    if upload.size > ANALYSIS_MAX_BYTES:
        raise DomainError("analysis.too_large", max=lazy(digits, str)(ANALYSIS_MAX_MB))
    extension = (upload.name or "").rsplit(".", 1)[-1].lower()
    upload.seek(0)
    if extension == "pdf" and upload.read(5) == b"%PDF-":
        return extension
    upload.seek(0)
    if extension == "docx" and zipfile.is_zipfile(upload):
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            if DOCX_PART in archive.namelist():
                return extension
    raise DomainError("analysis.bad_type")


@transaction.atomic
def add_analysis(
    *,
    law: Law,
    actor,
    title_en: str = "",
    title_km: str = "",
    author: str = "",
    published_on: date | None = None,
    file: File | None = None,
    url: str = "",
) -> Analysis:
    """Attach an analysis: an uploaded PDF or DOCX, stored under a name of our own, or a link."""
    if not (title_en.strip() or title_km.strip()):
        raise DomainError("analysis.no_title")
    if bool(file) == bool(url):
        raise DomainError("analysis.file_or_link")
    check_link(url)
    analysis = Analysis(
        law=law, title_en=title_en, title_km=title_km, author=author, published_on=published_on, url=url
    )
    if file:  # checked before anything is stored: a refused file leaves nothing behind
        analysis.file.name = default_storage.save(f"analyses/{uuid4().hex}.{file_kind(file)}", file)
    analysis.save()
    touch(law)
    audit.record(
        action="law.analysis_added",
        scope=law,
        target=analysis,
        actor=actor,
        data={"title": audit.texts(analysis, "title"), "file": analysis.file.name, "url": url},
    )
    return analysis


@transaction.atomic
def delete_analysis(*, analysis: Analysis, actor) -> None:
    """Remove the analysis; its file goes once the removal is committed (never before)."""
    audit.record(
        action="law.analysis_deleted",
        scope=analysis.law,
        target=analysis,
        actor=actor,
        data={"title": audit.texts(analysis, "title"), "file": analysis.file.name, "url": analysis.url},
    )
    name = analysis.file.name
    analysis.delete()
    touch(analysis.law)
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
