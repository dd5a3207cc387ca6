from datetime import timedelta

import pytest

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings import services
from sala.meetings.models import AgendaItem, Facilitator
from tests.factories import AgendaItemFactory, FacilitatorFactory, MeetingFactory, pp

pytestmark = pytest.mark.django_db


def agenda(meeting):
    return [(i.title_en, i.starts_at, i.ends_at) for i in meeting.agenda_items.order_by("starts_at")]


def test_demo_meeting_has_the_2014_agenda(demo_meeting):
    items = list(demo_meeting.agenda_items.order_by("starts_at"))
    assert len(items) == 8
    assert (items[0].starts_at, items[-1].ends_at) == (pp(7, 30), pp(12))
    statuses = list(Facilitator.objects.filter(item__meeting=demo_meeting).values_list("status", flat=True))
    assert len(statuses) == 7 and statuses.count("tbc") == 6


def test_loading_the_demo_twice_changes_nothing(db):
    from sala.demo.loader import load_demo

    meeting = load_demo()
    before = agenda(meeting), Facilitator.objects.count(), AuditEntry.objects.count()
    assert load_demo().pk == meeting.pk
    assert (agenda(meeting), Facilitator.objects.count(), AuditEntry.objects.count()) == before


def test_an_overlapping_item_is_refused_and_nothing_changes(demo_meeting, organiser):
    before = agenda(demo_meeting)
    with pytest.raises(DomainError) as raised:
        services.create_agenda_item(
            meeting=demo_meeting,
            actor=organiser,
            starts_at=pp(9),
            ends_at=pp(9, 30),
            kind="session",
            title_en="Extra talk",
        )
    assert raised.value.code == "agenda.overlap"
    assert agenda(demo_meeting) == before


def test_an_item_outside_the_meeting_is_refused(demo_meeting, organiser):
    with pytest.raises(DomainError) as raised:
        services.create_agenda_item(
            meeting=demo_meeting,
            actor=organiser,
            starts_at=pp(12),
            ends_at=pp(12, 30),
            kind="closing",
            title_en="Lunch",
        )
    assert raised.value.code == "agenda.outside_window"


def test_lengthening_without_shift_is_refused_with_shift_moves_the_rest(demo_meeting, organiser):
    break_item = demo_meeting.agenda_items.get(title_en="Refreshments")
    session_2 = demo_meeting.agenda_items.get(kind="group_work")
    with pytest.raises(DomainError):
        services.update_agenda_item(item=break_item, actor=organiser, ends_at=pp(10, 5))
    assert AgendaItem.objects.get(pk=break_item.pk).ends_at == pp(10)
    # The last item would leave the meeting's window: the whole change is refused.
    with pytest.raises(DomainError) as raised:
        services.update_agenda_item(item=break_item, actor=organiser, ends_at=pp(10, 5), shift_following=True)
    assert raised.value.code == "agenda.outside_window"
    assert AgendaItem.objects.get(pk=session_2.pk).starts_at == pp(10)
    # Shorten the closing first, then the shift fits.
    closing = demo_meeting.agenda_items.get(kind="closing")
    services.update_agenda_item(item=closing, actor=organiser, ends_at=pp(11, 55))
    services.update_agenda_item(item=break_item, actor=organiser, ends_at=pp(10, 5), shift_following=True)
    session_2.refresh_from_db()
    closing.refresh_from_db()
    assert (session_2.starts_at, session_2.ends_at) == (pp(10, 5), pp(11, 5))
    assert (closing.starts_at, closing.ends_at) == (pp(11, 35), pp(12))
    entry = AuditEntry.objects.filter(action="agenda.item_changed").first()
    assert entry.actor == organiser and entry.data["shifted"] == 3


def test_moving_an_item_swaps_slots_and_keeps_lengths(organiser):
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, starts_at=pp(8), ends_at=pp(8, 10), title_en="A")
    second = AgendaItemFactory(meeting=meeting, starts_at=pp(8, 10), ends_at=pp(9), title_en="B")
    services.move_agenda_item(item=second, actor=organiser, step=-1)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.starts_at, second.ends_at) == (pp(8), pp(8, 50))
    assert (first.starts_at, first.ends_at) == (pp(8, 50), pp(9))
    with pytest.raises(DomainError):
        services.move_agenda_item(item=second, actor=organiser, step=-1)


def test_sub_items_are_replaced_in_order(organiser):
    item = AgendaItemFactory()
    services.update_agenda_item(item=item, actor=organiser, sub_items=[("One", ""), ("", ""), ("Two", "ពីរ")])
    assert [(s.position, s.text_en) for s in item.sub_items.all()] == [(0, "One"), (1, "Two")]


def test_facilitator_answers_through_link_and_the_audit_log_says_so():
    facilitator = FacilitatorFactory()
    services.answer_facilitation(facilitator=facilitator, status="declined", note="Travelling")
    facilitator.refresh_from_db()
    assert facilitator.status == "declined" and facilitator.note == "Travelling"
    entry = AuditEntry.objects.get(action="facilitator.answered")
    assert entry.actor is None and entry.actor_label == str(facilitator.person)
    assert entry.data["from"] == "tbc" and entry.data["to"] == "declined"
    with pytest.raises(DomainError):
        services.answer_facilitation(facilitator=facilitator, status="tbc")


def test_facilitators_reorder(organiser):
    item = AgendaItemFactory()
    a = services.add_facilitator(item=item, actor=organiser, person=FacilitatorFactory().person)
    b = services.add_facilitator(item=item, actor=organiser, person=FacilitatorFactory().person)
    services.move_facilitator(facilitator=b, actor=organiser, step=-1)
    assert list(item.facilitators.values_list("pk", flat=True)) == [b.pk, a.pk]


def test_objectives_keep_identity_and_outcomes_link_to_them(demo_meeting, organiser):
    objectives = list(demo_meeting.objectives.all())
    rows = [services.ObjectiveRow(o.text_en, o.text_km, o.pk) for o in reversed(objectives[1:])]
    kept = services.set_objectives(meeting=demo_meeting, actor=organiser, rows=rows)
    assert [o.pk for o in kept] == [objectives[2].pk, objectives[1].pk]
    assert [o.position for o in demo_meeting.objectives.all()] == [0, 1]
    # the outcome tied only to the deleted objective is now tied to none
    first_outcome = demo_meeting.outcomes.first()
    assert list(first_outcome.objectives.all()) == []


def test_meeting_time_cannot_leave_items_outside(demo_meeting, organiser):
    with pytest.raises(DomainError) as raised:
        services.update_meeting(meeting=demo_meeting, actor=organiser, ends_at=pp(11))
    assert raised.value.code == "meeting.agenda_outside_window"
    services.update_meeting(meeting=demo_meeting, actor=organiser, ends_at=pp(12) + timedelta(hours=1))


def test_slug_must_be_unique(demo_meeting, organiser):
    with pytest.raises(DomainError) as raised:
        services.create_meeting(
            consultation=demo_meeting.consultation,
            actor=organiser,
            slug=demo_meeting.slug,
            starts_at=pp(8),
            ends_at=pp(9),
            title_en="Copy",
        )
    assert raised.value.code == "meeting.slug_taken"
