"""Filters for templates rendered to PDF: `{% load sala_pdf %}`."""

from django import template

from sala.core.pdf import break_khmer

register = template.Library()


@register.filter(is_safe=True)
def khmer_wrap(value):
    """Break points between Khmer words; `{% filter khmer_wrap %}` treats a whole page.

    Safe to apply to escaped HTML: U+200B goes only between two Khmer letters, never into
    markup, and the result stays as safe as its input.
    """
    return break_khmer(str(value)) if value is not None else ""
