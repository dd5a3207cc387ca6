"""Writing the audit log: every service that changes something calls `record`."""

from typing import Any

from django.db import models

from .models import AuditEntry


def key(obj: models.Model) -> str:
    """A stable reference to a row: "meetings.meeting:12"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def record(
    *,
    action: str,
    scope: models.Model,
    target: models.Model | None = None,
    actor=None,
    actor_label: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        action=action,
        scope=key(scope),
        target=key(target) if target is not None else "",
        actor=actor,
        actor_label=actor_label or (actor.get_username() if actor else ""),
        data=data or {},
    )


def entries_for(scope: models.Model):
    return AuditEntry.objects.filter(scope=key(scope)).select_related("actor")
