"""Background work: emails to invitees and participants (django-tasks, queued in the database)."""

from django.utils import timezone
from django_tasks import task

from .emails import agenda_notice_message, invitation_message, promotion_message, registration_message
from .models import Invitation, Registration


@task()
def send_invitation(invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("person", "meeting").filter(pk=invitation_id).first()
    if invitation is None or not invitation.person.email:
        return
    invitation_message(invitation).send()
    Invitation.objects.filter(pk=invitation_id).update(sent_at=timezone.now())


@task()
def send_promotion(registration_id: int) -> None:
    registration = Registration.objects.select_related("person", "meeting").filter(pk=registration_id).first()
    if registration is None or not registration.person.email:
        return
    promotion_message(registration).send()


@task()
def send_registration_link(registration_id: int) -> None:
    registration = Registration.objects.select_related("person", "meeting").filter(pk=registration_id).first()
    if registration is None or not registration.person.email:
        return
    registration_message(registration).send()


@task()
def send_agenda_notice(meeting_id: int, person_id: int, changes: list[dict]) -> None:
    message = agenda_notice_message(meeting_id, person_id, changes)
    if message is not None:
        message.send()
