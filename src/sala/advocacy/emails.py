"""The emails of advocacy, each in the recipient's own language (Person.language)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from sala.core.khmer import format_date

from .models import ActionItem


def action_reminder_message(action: ActionItem) -> EmailMessage:
    """To the action's owner: what is due, when, for which consultation."""
    person = action.owner
    with translation.override(person.language):
        due = format_date(action.due_on, weekday=True)
        subject = translation.gettext("Reminder: “%(title)s” is due on %(date)s") % {
            "title": action.title,
            "date": due,
        }
        body = render_to_string(
            "advocacy/email/action_reminder.txt",
            {
                "person": person,
                "action": action,
                "consultation": action.consultation,
                "due": due,
                "strategies": list(action.strategies.all()),
            },
        )
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[person.email])
