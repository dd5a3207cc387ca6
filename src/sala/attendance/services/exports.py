"""Recording exports of personal data: who took which list of a meeting's people, and when."""

from sala.core import audit
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting


def record_export(*, meeting: Meeting, actor, kind: str, rows: int) -> AuditEntry:
    """Write the audit entry an export needs; call it before the file leaves the server.

    Attendee lists are sensitive: the audit log must show every copy that was taken.
    """
    return audit.record(action="export.people", scope=meeting, actor=actor, data={"kind": kind, "rows": rows})
