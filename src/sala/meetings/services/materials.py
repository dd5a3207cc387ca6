"""Materials of agenda items: the slides and documents organisers and facilitators upload.

A file is accepted for what its content proves (`core.filetypes`), within a size limit, and
its name must agree with it; a refusal is raised before anything is stored, so a refused
upload changes nothing. The stored name is random (`models.material.material_path`). Every
change moves the meeting's version (`touch`), so the cached public page lists the materials
as they are.
"""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.functional import lazy

from sala.core import audit, filetypes
from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.core.limits import Limit

from ..models import AgendaItem, Facilitator, Material
from .agenda import touch
from .files import delete_files_on_commit

MB = 1024 * 1024
NAME_MAX = Material._meta.get_field("filename").max_length
TITLE_MAX = Material._meta.get_field("title").max_length
REFUSALS = {
    "empty": "material.empty",
    "unknown": "material.bad_type",
    "macros": "material.macros",
    "unreadable": "material.unreadable",
}


def max_bytes() -> int:
    return settings.SALA_MATERIAL_MAX_BYTES


def max_megabytes() -> str:
    """The limit as people read it: "20", or "1.5" for a limit set in bytes."""
    return digits(f"{max_bytes() / MB:.3g}")


def clean_filename(name: str) -> str:
    """The name without any folder a browser sent, control characters or excess length."""
    name = "".join(c for c in name.replace("\\", "/").rsplit("/", 1)[-1] if c.isprintable()).strip()
    if len(name) <= NAME_MAX:
        return name
    stem, dot, extension = name.rpartition(".")
    return stem[: NAME_MAX - len(extension) - 1] + dot + extension if dot else name[:NAME_MAX]


def checked_type(upload: UploadedFile, filename: str) -> filetypes.FileType:
    """The upload's type, once its size, its content and its name agree; else a DomainError."""
    if not upload.size:
        raise DomainError("material.empty")
    if upload.size > max_bytes():
        raise DomainError("material.too_large", max=lazy(max_megabytes, str)())
    try:
        found = filetypes.detect(upload)
    except filetypes.Refused as refusal:
        raise DomainError(REFUSALS[refusal.reason]) from refusal
    if filetypes.extension(filename) not in found.extensions:
        raise DomainError(
            "material.wrong_extension", name=filename, kind=found.label, expected=found.extensions[0]
        )
    return found


def audit_data(material: Material) -> dict:
    return {
        "title": material.title,
        "file": material.filename,
        "item": audit.texts(material.item, "title"),
        "content_type": material.content_type,
        "size": material.size,
    }


@transaction.atomic
def add_material(
    *,
    item: AgendaItem,
    upload: UploadedFile,
    title: str = "",
    actor=None,
    facilitator: Facilitator | None = None,
) -> Material:
    """Attach an upload to the item; a facilitator may attach only to the item they lead, and
    not once they have declined it.

    The title defaults to the file's name without its extension.
    """
    if facilitator is not None and facilitator.item_id != item.pk:
        raise DomainError("material.not_your_item")
    if facilitator is not None and facilitator.is_declined:
        raise DomainError("material.declined")
    if facilitator is not None:  # a link with no account behind it: a bound on what it can send
        per_hour = settings.SALA_MATERIAL_LIMIT_PER_FACILITATOR
        Limit("materials-facilitator", per_hour, 3600, "material.too_many").take(f"link:{facilitator.pk}")
    filename = clean_filename(upload.name or "")
    found = checked_type(upload, filename)
    material = Material(
        item=item,
        title=(title.strip() or filename.rpartition(".")[0].strip() or filename)[:TITLE_MAX],
        filename=filename,
        content_type=found.content_type,
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        uploaded_by_facilitator=facilitator,
    )
    material.file.save(f"upload.{filetypes.extension(filename)}", upload, save=False)
    try:
        material.save()
        touch(item.meeting)
        audit.record(
            action="material.added",
            scope=item.meeting,
            target=material,
            actor=actor,
            actor_label=str(facilitator.person) if facilitator else "",
            data=audit_data(material),
        )
    except BaseException:  # the row is not saved: the file must not stay behind
        material.file.delete(save=False)
        raise
    return material


@transaction.atomic
def remove_material(*, material: Material, actor=None, facilitator: Facilitator | None = None) -> None:
    """Remove a material; a facilitator may remove only what they uploaded. The file goes once
    the removal is committed."""
    if facilitator is not None and material.uploaded_by_facilitator_id != facilitator.pk:
        raise DomainError("material.not_yours")
    locked = Material.objects.select_for_update().filter(pk=material.pk).select_related("item__meeting")
    locked = locked.first()
    if locked is None:  # removed meanwhile by someone else
        return
    meeting = locked.item.meeting
    audit.record(
        action="material.removed",
        scope=meeting,
        target=locked,
        actor=actor,
        actor_label=str(facilitator.person) if facilitator else "",
        data=audit_data(locked),
    )
    delete_files_on_commit([locked.file])
    locked.delete()
    touch(meeting)
