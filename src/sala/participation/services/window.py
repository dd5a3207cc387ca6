"""The input window: when participants may give inputs on a consultation's draft."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from sala.core import audit
from sala.core.errors import DomainError
from sala.meetings.models import Consultation


def inputs_open(consultation: Consultation, at: datetime | None = None) -> bool:
    """Open from `inputs_open_from` (included) until `inputs_open_until` (excluded).

    An empty bound leaves that side open; both empty means closed: a consultation takes no
    inputs until its organisers open it.
    """
    opens, closes = consultation.inputs_open_from, consultation.inputs_open_until
    if opens is None and closes is None:
        return False
    at = at or timezone.now()
    return (opens is None or opens <= at) and (closes is None or at < closes)


def window_state(consultation: Consultation, at: datetime | None = None) -> str:
    """ "open", "upcoming" (it opens later) or "closed", for the pages to say."""
    at = at or timezone.now()
    if inputs_open(consultation, at):
        return "open"
    opens = consultation.inputs_open_from
    return "upcoming" if opens is not None and at < opens else "closed"


@transaction.atomic
def set_input_window(
    *, consultation: Consultation, opens: datetime | None, closes: datetime | None, actor
) -> Consultation:
    if opens is not None and closes is not None and closes <= opens:
        raise DomainError("input.window_reversed")
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    consultation.inputs_open_from, consultation.inputs_open_until = opens, closes
    consultation.save(update_fields=["inputs_open_from", "inputs_open_until"])
    audit.record(
        action="input.window_changed",
        scope=consultation,
        actor=actor,
        data={"opens": opens.isoformat() if opens else "", "closes": closes.isoformat() if closes else ""},
    )
    return consultation
