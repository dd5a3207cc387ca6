"""The input services: who may give what, when, how often, and what is kept of it."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from sala.core.errors import DomainError
from sala.core.khmer import has_khmer
from sala.core.models import AuditEntry
from sala.laws.models import Article
from sala.participation import services
from sala.participation.models import Input
from tests.factories import LawFactory, MeetingFactory

from .conftest import make_draft

pytestmark = pytest.mark.django_db


def give(consultation, **fields) -> Input:
    defaults = {"concern": "expression", "comment": "Too broad.", "channel": "online", "anonymous": False}
    return services.give_input(consultation=consultation, **{**defaults, **fields})


def test_a_named_input_keeps_its_author_and_says_so_in_the_audit_log(consultation, articles, person):
    given = give(
        consultation, article=articles["4"], author=person, show_author=True, organisation=person.organisation
    )
    assert (given.author, given.show_author, given.entered_by, given.draft) == (
        person,
        True,
        None,
        consultation.draft,
    )
    entry = AuditEntry.objects.get(action="input.given")
    assert entry.target == f"people.person:{person.pk}"  # erasing the person empties its data
    assert entry.data == {"article": "4", "input": given.pk, "name": "Vongsavath Thearith"}


def test_an_anonymous_input_stores_no_author_anywhere(consultation, articles, person, inputs_organiser):
    given = give(
        consultation, article=articles["5"], author=person, show_author=True, anonymous=True, rate_key="x"
    )
    typed = give(
        consultation,
        author=person,
        anonymous=True,
        entered_by=inputs_organiser,
        channel="paper",
        show_author=True,
    )
    for each in (given, typed):
        each.refresh_from_db()
        assert (each.author, each.show_author, each.entered_by) == (None, False, None)
    entries = AuditEntry.objects.filter(action="input.given")
    assert [(e.actor, e.actor_label, e.target, e.data) for e in entries] == [
        (None, "", "", {"article": ""}),
        (None, "", "", {"article": "5"}),
    ]


def test_inputs_need_the_window_open_and_say_so_in_the_users_language(consultation, person):
    consultation.inputs_open_until = timezone.now() - timedelta(minutes=1)
    consultation.save()
    with pytest.raises(DomainError) as error:
        give(consultation, author=person)
    assert error.value.code == "input.window_closed"
    assert error.value.message == "Inputs on this draft are not open now."
    with translation.override("km"):
        assert has_khmer(error.value.message)
    assert not Input.objects.exists()


@pytest.mark.parametrize(
    ("opens", "closes", "is_open"),
    [
        (None, None, False),
        (-1, None, True),
        (1, None, False),
        (None, 1, True),
        (None, -1, False),
        (-2, -1, False),
    ],
)
def test_window_bounds(consultation, opens, closes, is_open):
    now = timezone.now()
    consultation.inputs_open_from = now + timedelta(days=opens) if opens is not None else None
    consultation.inputs_open_until = now + timedelta(days=closes) if closes is not None else None
    assert services.inputs_open(consultation, now) is is_open


def test_organisers_transcribe_at_any_time_others_may_not(
    consultation, person, inputs_organiser, participant
):
    consultation.inputs_open_from = consultation.inputs_open_until = None
    consultation.save()
    given = give(consultation, author=person, entered_by=inputs_organiser, channel="paper")
    assert given.entered_by == inputs_organiser and given.channel == "paper"
    assert AuditEntry.objects.get(action="input.given").actor == inputs_organiser
    with pytest.raises(PermissionDenied):
        give(consultation, author=person, entered_by=participant, channel="paper")


def test_an_article_of_another_draft_is_refused(consultation, person):
    other = make_draft(LawFactory(), label="Other law")
    with pytest.raises(DomainError) as error:
        give(consultation, article=Article.objects.filter(draft=other).first(), author=person)
    assert error.value.code == "input.article_not_in_draft"


def test_a_consultation_without_draft_takes_no_input(meeting, person):
    with pytest.raises(DomainError) as error:
        give(meeting.consultation, author=person)
    assert error.value.code == "input.no_draft"


def test_text_is_plain_and_bounded(consultation, person):
    given = give(
        consultation, author=person, comment="  Line one\r\nline\x00 two\u202e  ", proposed_wording="\x07"
    )
    assert (given.comment, given.proposed_wording) == ("Line one\nline two", "")
    for comment, code in [
        (" \x01\n ", "input.no_comment"),
        ("x" * (services.MAX_TEXT + 1), "input.too_long"),
    ]:
        with pytest.raises(DomainError) as error:
            give(consultation, author=person, comment=comment)
        assert error.value.code == code


def test_a_named_input_needs_its_author(consultation):
    with pytest.raises(DomainError) as error:
        give(consultation, anonymous=False)
    assert error.value.code == "input.no_author"


def test_rate_limit_per_giver_in_the_shared_cache(consultation, person):
    for _ in range(20):
        give(consultation, anonymous=True, rate_key="invitation:1")
    with pytest.raises(DomainError) as error:
        give(consultation, anonymous=True, rate_key="invitation:1")
    assert error.value.code == "input.too_many" and "20" in error.value.message
    give(consultation, anonymous=True, rate_key="invitation:2")  # someone else is not held back
    assert Input.objects.count() == 21
    assert not any("invitation" in str(key) for key in getattr(cache, "_cache", {}))  # a hash, not the giver


def test_withdraw_only_ones_own_named_input_while_open(consultation, person):
    mine = give(consultation, author=person)
    anonymous = give(consultation, anonymous=True, rate_key="x")
    with pytest.raises(DomainError):
        services.withdraw_input(input=anonymous, author=person)
    consultation.inputs_open_until = timezone.now()
    consultation.save()
    with pytest.raises(DomainError) as error:
        services.withdraw_input(input=mine, author=person)
    assert error.value.code == "input.window_closed"
    consultation.inputs_open_until = timezone.now() + timedelta(days=1)
    consultation.save()
    services.withdraw_input(input=mine, author=person)
    assert list(Input.objects.all()) == [anonymous]
    assert AuditEntry.objects.filter(action="input.withdrawn", target=f"people.person:{person.pk}").exists()


def test_input_window_must_close_after_it_opens(consultation, inputs_organiser):
    now = timezone.now()
    with pytest.raises(DomainError) as error:
        services.set_input_window(consultation=consultation, opens=now, closes=now, actor=inputs_organiser)
    assert error.value.code == "input.window_reversed"
    services.set_input_window(consultation=consultation, opens=None, closes=None, actor=inputs_organiser)
    consultation.refresh_from_db()
    assert services.window_state(consultation) == "closed"
    assert AuditEntry.objects.filter(action="input.window_changed", actor=inputs_organiser).exists()


def test_a_meeting_of_another_consultation_is_refused(consultation, person, inputs_organiser):
    with pytest.raises(DomainError) as error:
        give(
            consultation,
            author=person,
            entered_by=inputs_organiser,
            channel="meeting",
            meeting=MeetingFactory(),
        )
    assert error.value.code == "input.meeting_not_in_consultation"
