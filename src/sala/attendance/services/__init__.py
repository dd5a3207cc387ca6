"""Everything that changes invitations, registrations and check-ins goes through these functions."""

from .checkin import check_in, check_in_known, person_for_code, register_walk_in, undo_check_in
from .invitations import answer_invitation, invite_people, send_invitations, withdraw_invitation
from .notices import agenda_changes, send_agenda_notices
from .registration import cancel_registration, register_from_form, register_person, set_places

__all__ = [
    "agenda_changes",
    "answer_invitation",
    "cancel_registration",
    "check_in",
    "check_in_known",
    "invite_people",
    "person_for_code",
    "register_from_form",
    "register_person",
    "register_walk_in",
    "send_agenda_notices",
    "send_invitations",
    "set_places",
    "undo_check_in",
    "withdraw_invitation",
]
