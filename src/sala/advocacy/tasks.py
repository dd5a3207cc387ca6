"""Background work of advocacy: reminders of follow-up actions (django-tasks, queued in the database).

The task reloads its action: by the time it runs, the action may be done, dropped or deleted,
or its owner erased or without an email, and then nothing is sent.
"""

from django_tasks import task

from . import emails
from .models import ActionItem
from .queries.actions import OPEN_STATUSES


@task()
def send_action_reminder(action_id: int) -> None:
    action = (
        ActionItem.objects.select_related("owner", "consultation")
        .filter(pk=action_id, status__in=OPEN_STATUSES, owner__erased_at__isnull=True)
        .exclude(owner__email="")
        .first()
    )
    if action is not None and action.owner is not None and action.due_on is not None:
        emails.action_reminder_message(action).send()
