"""Recording exports of personal data: who took which list of a meeting's people, and when."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sala.core import audit
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting

# What each export is called in the audit log, recorded in both languages.
EXPORT_NAMES = {
    "sign-in-sheet": _("Sign-in sheet (PDF)"),
    "attendance-list": _("Attendance list (PDF)"),
    "attendance": _("Attendance and figures (Excel)"),
}


def record_export(*, meeting: Meeting, actor, kind: str, rows: int) -> AuditEntry:
    """Write the audit entry an export needs; call it before the file leaves the server.

    Attendee lists are sensitive: the audit log must show every copy that was taken.
    """
    title = {}
    for lang in ("en", "km"):
        with translation.override(lang):
            title[lang] = str(EXPORT_NAMES[kind])
    data = {"kind": kind, "rows": rows, "title": title}
    return audit.record(action="export.people", scope=meeting, actor=actor, data=data)
