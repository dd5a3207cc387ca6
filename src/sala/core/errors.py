"""Domain errors: an exception carries a code; this module maps every code to a message.

Services raise `DomainError("agenda.overlap", item=..., other=...)`; views show
`error.message`, rendered in the user's language at the time it is shown.
"""

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "agenda.end_before_start": _("“%(item)s” must end after it starts."),
    "agenda.outside_window": _(
        "“%(item)s” (%(start)s–%(end)s) is outside the meeting’s time, %(window_start)s–%(window_end)s."
    ),
    "agenda.overlap": _(
        "“%(item)s” (%(start)s–%(end)s) overlaps “%(other)s” (%(other_start)s–%(other_end)s)."
    ),
    "agenda.cannot_move": _("This item is already at that end of the agenda."),
    "meeting.end_before_start": _("The meeting must end after it starts."),
    "meeting.agenda_outside_window": _(
        "The new time leaves agenda items outside the meeting. Move those items first."
    ),
    "meeting.slug_taken": _("Another meeting already uses this web address."),
    "facilitator.bad_status": _("This answer is not possible."),
    "list.cannot_move": _("This entry is already at that end of the list."),
    # importers: documents in general
    # importers: participant lists
    # importers: concept notes
    # importers: draft laws
}


class DomainError(Exception):
    """A rule of the domain was broken; `code` says which, `params` fill the message."""

    def __init__(self, code: str, **params):
        if code not in MESSAGES:
            raise KeyError(f"No message for domain error code {code!r}")
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        return str(MESSAGES[self.code]) % {k: str(v) for k, v in self.params.items()}

    def __str__(self) -> str:
        return self.message


class DomainErrors(DomainError):
    """Several rule violations found at once (an agenda check reports them all)."""

    def __init__(self, errors: list[DomainError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.code, **first.params)

    @property
    def messages(self) -> list[str]:
        return [e.message for e in self.errors]
