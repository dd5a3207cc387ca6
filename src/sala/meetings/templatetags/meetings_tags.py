from django import template

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
def audit_details(entry) -> str:
    """One line on what an audit entry changed: the item or person, a status change, a note."""
    data = entry.data or {}
    text = data.get("title") or data.get("person") or ""
    if data.get("to"):
        change = f"{status_label(data.get('from', ''))} → {status_label(data['to'])}"
        text = f"{text}: {change}" if text else change
    if data.get("note"):
        text += f" “{data['note']}”"
    return text
