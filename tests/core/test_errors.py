import pytest
from django.utils import translation

from sala.core.errors import MESSAGES, DomainError


def test_every_code_has_a_message_and_unknown_codes_fail_loudly():
    with pytest.raises(KeyError):
        DomainError("no.such.code")
    assert all(str(message) for message in MESSAGES.values())


def test_message_is_rendered_in_the_language_active_when_shown():
    error = DomainError("meeting.end_before_start")
    with translation.override("en"):
        english = error.message
    with translation.override("km"):
        khmer = error.message
    assert english == "The meeting must end after it starts."
    assert khmer != english
