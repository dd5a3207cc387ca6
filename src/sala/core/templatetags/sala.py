"""Template filters for Sala's bilingual pages (loaded as a builtin)."""

import re

from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from sala.core import audit, khmer

register = template.Library()


@register.filter
def digits(value):
    """Khmer digits on Khmer pages: {{ count|digits }}."""
    return "" if value is None else khmer.digits(value)


@register.filter
def ldate(value, arg=""):
    """A date in the page's language; {{ d|ldate:"short" }} leaves out the weekday."""
    return khmer.format_date(value, weekday=arg != "short") if value else ""


@register.filter
def ltime(value):
    return khmer.format_time(value) if value else ""


@register.filter
def timespan(start, end):
    """A date and a time range in the page's language: {{ m.starts_at|timespan:m.ends_at }}.

    Over several days: both dates with their times.
    """
    if khmer.local(start).date() != khmer.local(end).date():
        return _("%(first)s, %(start)s to %(last)s, %(end)s") % {
            "first": khmer.format_date(start),
            "start": khmer.format_time(start),
            "last": khmer.format_date(end),
            "end": khmer.format_time(end),
        }
    return _("%(date)s, %(start)s–%(end)s") % {
        "date": khmer.format_date(start),
        "start": khmer.format_time(start),
        "end": khmer.format_time(end),
    }


@register.filter
def isodatetime(value):
    return khmer.local(value).isoformat() if value else ""


@register.filter
def tel(number: str) -> str:
    """A number for a tel: link; a local number starting with 0 gets the country code."""
    plain = re.sub(r"[^\d+]", "", khmer.latin_digits(number))
    if plain.startswith("0"):
        return f"+{getattr(settings, 'SALA_PHONE_COUNTRY_CODE', '855')}{plain[1:]}"
    return plain


@register.filter
def phone(number: str) -> str:
    """A stored number (+85512345678) as people write it here: 012 345 678; others as stored."""
    plain = tel(number)
    code = f"+{getattr(settings, 'SALA_PHONE_COUNTRY_CODE', '855')}"
    if not plain.startswith(code):
        return number
    local = "0" + plain[len(code) :]
    groups = [local[:3], local[3:6], local[6:]]
    return " ".join(g for g in groups if g)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def audit_action(action: str) -> str:
    return audit.action_label(action)
