"""Inviting people to a meeting, sending the invitation, and taking their answer."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.meetings.models import Meeting
from sala.people.models import Person

from .. import tasks
from ..models import Category, Invitation, Registration
from ..queries import forget_link
from .notices import remember_agenda
from .registration import cancel_registration, register_person


@transaction.atomic
def invite_people(
    *, meeting: Meeting, people: Iterable[Person], category: str = Category.PARTICIPANT, actor
) -> list[Invitation]:
    """Invite each person once; people already invited keep their invitation."""
    if category not in Category.values:
        raise DomainError("invitation.bad_category")
    known = set(Invitation.objects.filter(meeting=meeting).values_list("person_id", flat=True))
    created = [
        Invitation.objects.create(meeting=meeting, person=person, category=category)
        for person in people
        if person.pk not in known and not known.add(person.pk)
    ]
    if created:
        audit.record(
            action="invitation.created",
            scope=meeting,
            actor=actor,
            data={"count": len(created), "category": category},
        )
    return created


@transaction.atomic
def send_invitations(*, meeting: Meeting, invitations: Iterable[Invitation], actor) -> int:
    """Queue the emails; people without an email address are skipped (they get the link by hand)."""
    queued = 0
    for invitation in invitations:
        if invitation.person.email:
            tasks.send_invitation.enqueue(invitation.pk)
            Invitation.objects.filter(pk=invitation.pk).update(send_count=invitation.send_count + 1)
            queued += 1
    if queued:
        remember_agenda(meeting, only_if_new=True)
        audit.record(action="invitation.sent", scope=meeting, actor=actor, data={"count": queued})
    return queued


def answer_invitation(*, invitation: Invitation, accept: bool) -> Invitation:
    """The invitee's answer through their link; they may change it until the meeting."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().select_related("meeting", "person").get(pk=invitation.pk)
        )
        invitation.answer = Invitation.Answer.ACCEPTED if accept else Invitation.Answer.DECLINED
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["answer", "answered_at"])
        audit.record(
            action="invitation.accepted" if accept else "invitation.declined",
            scope=invitation.meeting,
            target=invitation.person,
            actor_label=str(invitation.person),
            data={"name": str(invitation.person)},
        )
        if accept:
            register_person(
                meeting=invitation.meeting,
                person=invitation.person,
                source=Registration.Source.INVITATION,
                category=invitation.category,
            )
        else:
            registration = Registration.objects.filter(
                meeting=invitation.meeting, person=invitation.person
            ).first()
            if registration is not None:
                cancel_registration(registration=registration)
        return invitation


@transaction.atomic
def withdraw_invitation(*, invitation: Invitation, actor) -> None:
    registration = Registration.objects.filter(meeting=invitation.meeting, person=invitation.person).first()
    if registration is not None:
        cancel_registration(registration=registration, actor=actor)
    audit.record(
        action="invitation.withdrawn",
        scope=invitation.meeting,
        target=invitation.person,
        actor=actor,
        data={"name": str(invitation.person)},
    )
    forget_link(invitation.token)
    invitation.delete()
