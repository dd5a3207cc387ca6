"""Texts written in English and in Khmer, shown in the page's language.

A model declares `title_en` and `title_km` fields and `title = bilingual("title")`; reading
`obj.title` gives the text in the active language, falling back to the other language when
the translation is missing, so a page never shows an empty heading.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_ORDER = {"km": ("km", "en"), "en": ("en", "km")}


def active_language() -> str:
    return "km" if (get_language() or "en").startswith("km") else "en"


def bilingual(name: str) -> property:
    def read(obj) -> str:
        for lang in LANGUAGE_ORDER[active_language()]:
            value = getattr(obj, f"{name}_{lang}", "")
            if value:
                return value
        return ""

    read.__doc__ = f"{name} in the active language, or the other one if missing."
    return property(read)


def text_pair(label: str, long: bool = False) -> tuple[models.Field, models.Field]:
    """The English and Khmer fields of one translatable text."""
    field = models.TextField if long else models.CharField
    extra = {} if long else {"max_length": 300}
    return (
        field(format_lazy(_("{label} in English"), label=label), blank=True, **extra),
        field(format_lazy(_("{label} in Khmer"), label=label), blank=True, **extra),
    )
