"""Recording who took the joint submission, in which format and language."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sala.core import audit
from sala.core.models import AuditEntry
from sala.meetings.models import Consultation

EXPORT_NAMES = {
    "docx": _("Joint submission (Word)"),
    "pdf": _("Joint submission (PDF)"),
}


def record_export(*, consultation: Consultation, actor, kind: str, lang: str, articles: int) -> AuditEntry:
    """The audit entry of an export: the position holds no personal data, but who took it matters."""
    title = {}
    for code in ("en", "km"):
        with translation.override(code):
            title[code] = str(EXPORT_NAMES[kind])
    data = {"kind": kind, "lang": lang, "count": articles, "title": title}
    return audit.record(action="export.position", scope=consultation, actor=actor, data=data)
