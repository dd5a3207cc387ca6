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
