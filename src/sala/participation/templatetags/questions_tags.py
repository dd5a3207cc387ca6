"""The Q&A moderator's links: one address per question and action, for whoever moderates."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def moderate_url(context, question, action: str) -> str:
    """{% moderate_url question "approve" %}: an organiser's address, or a facilitator's (by their
    link), as the view's `moderate_route` (URL name, leading arguments) says."""
    name, args = context["moderate_route"]
    return reverse(name, args=[*args, question.pk, action])
