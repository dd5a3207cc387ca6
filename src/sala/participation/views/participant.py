"""Who is on a participant's page: the holder of an invitation link, or of a registration link.

Everyone at a meeting has one of the two secret links (a walk-in registered at the door has
only a registration), so every page of the live meeting accepts either token under /i/<token>/.
"""

from dataclasses import dataclass

from django.http import Http404

from sala.attendance.models import Invitation, Registration
from sala.meetings.models import Meeting
from sala.people.models import Person

from .base import PrivateMixin


@dataclass(frozen=True)
class Participant:
    meeting: Meeting
    person: Person
    token: str
    invitation: Invitation | None = None
    registration: Registration | None = None


def rate_key(person_id: int) -> str:
    """Whom a rate limit counts: the person, never stored with what they send."""
    return f"person:{person_id}"


def participant_by_token(token: str) -> Participant:
    """The invitation or registration holding this token, or 404 (cancelled registrations too)."""
    related = ("meeting__consultation", "person__organisation")
    invitation = Invitation.objects.select_related(*related).filter(token=token).first()
    if invitation is not None:
        return Participant(invitation.meeting, invitation.person, token, invitation=invitation)
    registration = (
        Registration.objects.select_related(*related)
        .exclude(status=Registration.Status.CANCELLED)
        .filter(token=token)
        .first()
    )
    if registration is None:
        raise Http404
    return Participant(registration.meeting, registration.person, token, registration=registration)


class ParticipantMixin(PrivateMixin):
    """Loads `self.participant` (and `self.meeting`, `self.person`) from the `token` in the URL."""

    participant: Participant

    def dispatch(self, request, *args, **kwargs):
        self.participant = participant_by_token(kwargs["token"])
        self.meeting = self.participant.meeting
        self.person = self.participant.person
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("participant", self.participant)
        kwargs.setdefault("meeting", self.meeting)
        kwargs.setdefault("token", self.participant.token)
        return super().get_context_data(**kwargs)
