from django import template
from django.utils.translation import gettext as _

from sala.core.audit import localized
from sala.core.khmer import digits

from ..models import Facilitator

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """A facilitator status code from the audit log, in the page's language."""
    try:
        return Facilitator.Status(value).label
    except ValueError:
        return value or ""


@register.filter
def person_and_role(facilitator) -> str:
    """ "Mr. Tek Vannara, Executive Director of NGO Forum", in the page's language."""
    name = facilitator.person.name_with_title
    if not facilitator.role:
        return name
    return _("%(name)s, %(role)s") % {"name": name, "role": facilitator.role}


@register.filter
def audit_details(entry) -> str:
    """One line on what an audit entry changed: the item or person, a status change, a note."""
    data = entry.data or {}
    text = localized(data.get("title")) or localized(data.get("person")) or data.get("name", "")
    if data.get("to"):
        change = f"{status_label(data.get('from', ''))} → {status_label(data['to'])}"
        text = f"{text}: {change}" if text else change
    if data.get("note"):
        text += f" “{data['note']}”"
    counted = (data.get(name) for name in ("rows", "count", "people"))
    parts = [data.get("file", ""), *(digits(n) for n in counted if isinstance(n, int))]
    return " · ".join(p for p in (text, *parts) if p)
