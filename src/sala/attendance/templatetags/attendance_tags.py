from django import template

from sala.importers.problems import Finding
from sala.people.models import Person
from sala.people.services.importing import message_for

register = template.Library()


@register.filter
def problem_message(problem: Finding) -> str:
    """A parser's finding about a row, in the reader's language."""
    return message_for(problem)


@register.filter
def gender_label(value: str) -> str:
    return str(Person.Gender(value).label) if value in Person.Gender.values else ""
