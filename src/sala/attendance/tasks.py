"""Background work: emails to invitees and participants (django-tasks, queued in the database).

Each task reloads its row: by the time it runs, the person may have been erased or the
invitation withdrawn, and then nothing is sent.
"""

from django.utils import timezone
from django_tasks import task

from . import emails
from .models import Invitation, Registration


def email_registrant(registration_id: int, build) -> None:
    registration = Registration.objects.select_related("person", "meeting").filter(pk=registration_id).first()
    if registration is not None and registration.person.email:
        build(registration).send()


@task()
def send_invitation(invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("person", "meeting").filter(pk=invitation_id).first()
    if invitation is None or not invitation.person.email:
        return
    emails.invitation_message(invitation).send()
    Invitation.objects.filter(pk=invitation_id).update(sent_at=timezone.now())


@task()
def send_promotion(registration_id: int) -> None:
    email_registrant(registration_id, emails.promotion_message)


@task()
def send_registration_link(registration_id: int) -> None:
    email_registrant(registration_id, emails.registration_message)


@task()
def send_agenda_notice(meeting_id: int, person_id: int, changes: list[dict]) -> None:
    message = emails.agenda_notice_message(meeting_id, person_id, changes)
    if message is not None:
        message.send()
