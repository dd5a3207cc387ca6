"""Recording exports of inputs: the named ones carry personal data, so every copy is logged."""

from sala.core import audit
from sala.core.models import AuditEntry
from sala.meetings.models import Consultation


def record_inputs_export(*, consultation: Consultation, actor, rows: int, named: int) -> AuditEntry:
    """Call it before the file leaves the server."""
    return audit.record(
        action="export.inputs", scope=consultation, actor=actor, data={"rows": rows, "named": named}
    )
