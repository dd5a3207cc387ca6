"""Template filters of the law pages: dates as precisely as they are known, and sources."""

from datetime import date
from urllib.parse import urlsplit

from django import template

from sala.core import khmer

from ..models import LawStage

register = template.Library()


@register.filter
def known_date(value: date | None, precision: str = LawStage.Precision.DAY) -> str:
    """A date in the page's language, as far as it is known: "5 June 2014", "May 2012" or "2010"."""
    if not value:
        return ""
    if precision == LawStage.Precision.YEAR:
        return khmer.format_year(value)
    if precision == LawStage.Precision.MONTH:
        return khmer.format_month(value)
    return khmer.format_date(value, weekday=False)


@register.filter
def source_name(stage: LawStage) -> str:
    """The source's name, or the site's address when none was given ("phnompenhpost.com")."""
    return stage.source_title or (urlsplit(stage.source_url).hostname or "").removeprefix("www.")


@register.filter
def stage_label(value: str) -> str:
    """A stage's name from its stored value (as the public list annotates it)."""
    return LawStage.Stage(value).label if value in LawStage.Stage.values else ""
