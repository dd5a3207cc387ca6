"""Showing materials: their address for this page's visitor, their type and size in the page's language."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from sala.core.filetypes import BY_CONTENT_TYPE
from sala.core.khmer import digits

register = template.Library()

KB, MB = 1024, 1024 * 1024


@register.simple_tag(takes_context=True)
def material_url(context, material) -> str:
    """Where the page's visitor fetches a material: through the secret link the page was
    reached by (a facilitator's, or a participant's invitation or registration), so that an
    invitation-only meeting's materials reach them; else at the meeting's public address."""
    args = [material.pk, material.filename]
    facilitator = context.get("facilitator")
    if facilitator is not None:
        return reverse("meetings:facilitator_material", args=[facilitator.token, *args])
    for holder in ("participant", "invitation", "registration"):
        token = getattr(context.get(holder), "token", "")
        if token:
            return reverse("participation:material", args=[token, *args])
    return reverse("meetings:material", args=[context["meeting"].slug, *args])


@register.filter
def file_kind(content_type: str) -> str:
    """ "PDF document", "Word document"... for a stored content type."""
    found = BY_CONTENT_TYPE.get(content_type)
    return str(found.label) if found else ""


@register.filter
def file_size(size: int) -> str:
    """ "1.2 MB", "350 KB", with Khmer digits on Khmer pages."""
    if size >= MB:
        return _("%(size)s MB") % {"size": digits(f"{size / MB:.1f}".removesuffix(".0"))}
    return _("%(size)s KB") % {"size": digits(max(1, round(size / KB)))}
