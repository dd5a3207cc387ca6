"""Creating a meeting from a concept note's draft (the importer's plain data)."""

import copy
from datetime import datetime

import pytest

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings.models import AgendaItem, Facilitator, Meeting
from sala.meetings.services.concept_note import create_meeting_from_concept_note
from sala.people.models import Person
from tests.factories import PP, ConsultationFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def facilitator(name: str, role: str = "", tbc: bool = False) -> dict:
    return {"name": name, "role": role, "tbc": tbc}


def row(date, start, end, title, kind="session", sub_items=(), facilitators=()) -> dict:
    return {"date": date, "start": start, "end": end, "kind": kind, "title": title,
            "sub_items": list(sub_items), "facilitators": list(facilitators)}  # fmt: skip


TWO_DAYS = {
    "title": "Regional Workshop on Digital Rights",
    "dates": ["2021-10-14", "2021-10-15"],
    "start": "08:30",
    "end": "12:00",
    "venue": {"name": "Hotel Cambodiana", "address": "313 Sisowath Quay", "phones": ["012 345 678", "023 1"]},
    "introduction": "Civil society met twice before.",
    "objectives": ["Share the analysis", "Agree on priorities"],
    "expected_outcomes": ["A common position"],
    "participants": {"min": None, "max": 35, "categories": ["CSOs", "Media"]},
    "agenda_note": "The agenda may change.",
    "language": "en",
    "warnings": [],
    "agenda": [
        row("2021-10-14", "08:30", "09:00", "Registration", kind="registration"),
        row("2021-10-14", "09:00", "10:30", "Panel: the draft law",
            sub_items=["Scope", "Powers"],
            facilitators=[facilitator("Ms. Lim Dara", "Legal Adviser"),
                          facilitator("Mr. Sok Piseth", "Media Alliance", tbc=True)]),
        row("2021-10-14", "10:30", "10:45", "Coffee break", kind="break"),
        row("2021-10-15", "08:30", "11:30", "Group work", kind="group_work",
            facilitators=[facilitator("Ms. Lim Dara", "Moderator")]),
        row("2021-10-15", "11:30", "12:00", "Closing", kind="closing",
            facilitators=[{"name": "H.E. Ouk Vanna", "role": "Ministry"}]),
    ],
}  # fmt: skip


@pytest.fixture
def consultation():
    return ConsultationFactory()


@pytest.fixture
def actor(consultation):
    user = UserFactory()
    consultation.organisers.add(user)
    return user


def create(consultation, actor, draft=TWO_DAYS, language="en") -> Meeting:
    return create_meeting_from_concept_note(
        consultation=consultation, actor=actor, draft=draft, language=language
    )


def test_a_two_day_concept_note_becomes_a_meeting_with_its_agenda(consultation, actor):
    meeting = create(consultation, actor)
    assert meeting.consultation == consultation
    assert meeting.slug == "regional-workshop-on-digital-rights"
    assert (meeting.starts_at, meeting.ends_at) == (
        datetime(2021, 10, 14, 8, 30, tzinfo=PP),
        datetime(2021, 10, 15, 12, 0, tzinfo=PP),
    )
    assert (meeting.title_en, meeting.title_km) == ("Regional Workshop on Digital Rights", "")
    assert (meeting.venue_name_en, meeting.venue_address_en) == ("Hotel Cambodiana", "313 Sisowath Quay")
    assert meeting.phone_list == ["012 345 678", "023 1"]
    assert (meeting.participants_min, meeting.participants_max) == (None, 35)
    assert meeting.category_list == ["CSOs", "Media"]
    assert meeting.introduction_en == "Civil society met twice before."
    assert meeting.agenda_note_en == "The agenda may change."
    assert [o.text_en for o in meeting.objectives.all()] == ["Share the analysis", "Agree on priorities"]
    assert [o.text_en for o in meeting.outcomes.all()] == ["A common position"]

    items = list(meeting.agenda_items.all())
    assert [(i.starts_at.astimezone(PP).day, i.kind, i.title_en) for i in items] == [
        (14, "registration", "Registration"),
        (14, "session", "Panel: the draft law"),
        (14, "break", "Coffee break"),
        (15, "group_work", "Group work"),
        (15, "closing", "Closing"),
    ]
    assert [s.text_en for s in items[1].sub_items.all()] == ["Scope", "Powers"]


def test_facilitators_become_people_marked_tbc_unless_confirmed(consultation, actor):
    meeting = create(consultation, actor)
    found = [
        (f.item.title_en, f.person.name_with_title, f.role_en, f.status)
        for f in Facilitator.objects.filter(item__meeting=meeting).order_by("item__starts_at", "position")
    ]
    assert found == [  # the honorific becomes the person's title, apart from the name
        ("Panel: the draft law", "Ms. Lim Dara", "Legal Adviser", "confirmed"),
        ("Panel: the draft law", "Mr. Sok Piseth", "Media Alliance", "tbc"),
        ("Group work", "Ms. Lim Dara", "Moderator", "confirmed"),
        ("Closing", "H.E. Ouk Vanna", "Ministry", "tbc"),  # no tbc mark given: not confirmed
    ]
    assert Person.objects.filter(name_en="Lim Dara", title="ms").count() == 1  # one person, two slots


def test_every_step_is_in_the_audit_log(consultation, actor):
    meeting = create(consultation, actor)
    actions = list(
        AuditEntry.objects.filter(scope=f"meetings.meeting:{meeting.pk}").values_list("action", "actor")
    )
    assert ("meeting.created", actor.pk) in actions
    assert actions.count(("agenda.item_created", actor.pk)) == 5
    assert actions.count(("facilitator.added", actor.pk)) == 4


def test_a_khmer_concept_note_fills_the_khmer_texts(consultation, actor):
    draft = {
        "title": "កិច្ចប្រជុំពិគ្រោះយោបល់",
        "dates": ["2015-02-19"],
        "start": "07:30",
        "end": "12:00",
        "objectives": ["ចែករំលែក"],
        "agenda": [
            row("2015-02-19", "07:30", "08:00", "ចុះឈ្មោះ", kind="registration",
                sub_items=["ចំណុចរង"], facilitators=[facilitator("លោក សុខ ពិសិដ្ឋ", "ប្រធាន", tbc=True)]),
        ],
    }  # fmt: skip
    meeting = create(consultation, actor, draft, language="km")
    assert (meeting.title_en, meeting.title_km) == ("", "កិច្ចប្រជុំពិគ្រោះយោបល់")
    assert meeting.slug == "meeting-2015-02-19"  # no Latin letters to make a web address from
    assert [(o.text_en, o.text_km) for o in meeting.objectives.all()] == [("", "ចែករំលែក")]
    item = meeting.agenda_items.get()
    assert (item.title_en, item.title_km) == ("", "ចុះឈ្មោះ")
    assert [(s.text_en, s.text_km) for s in item.sub_items.all()] == [("", "ចំណុចរង")]
    f = item.facilitators.get()
    person = (f.person.name_en, f.person.name_km, f.person.title)
    assert (*person, f.role_km, f.status) == ("", "សុខ ពិសិដ្ឋ", "mr", "ប្រធាន", "tbc")


def test_the_web_address_is_one_no_meeting_uses(consultation, actor):
    MeetingFactory(slug="regional-workshop-on-digital-rights")
    MeetingFactory(slug="regional-workshop-on-digital-rights-2")
    assert create(consultation, actor).slug == "regional-workshop-on-digital-rights-3"


def test_an_item_without_a_day_is_on_the_first_one_and_an_unknown_kind_is_a_session(consultation, actor):
    draft = {**TWO_DAYS, "agenda": [row("", "09:00", "10:00", "Talk", kind="speech")]}
    item = create(consultation, actor, draft).agenda_items.get()
    assert (item.starts_at, item.kind) == (datetime(2021, 10, 14, 9, tzinfo=PP), "session")


def snapshot():
    return (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Person.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize(
    "agenda, code",
    [
        (
            [row("2021-10-14", "09:00", "10:00", "A"), row("2021-10-14", "09:30", "10:30", "B")],
            "agenda.overlap",
        ),
        ([row("2021-10-16", "09:00", "10:00", "A day too late")], "agenda.outside_window"),
        ([row("2021-10-14", "10:00", "09:00", "Backwards")], "agenda.end_before_start"),
    ],
)
def test_an_agenda_that_breaks_the_rules_saves_nothing(consultation, actor, agenda, code):
    draft = copy.deepcopy(TWO_DAYS)
    draft["agenda"] = [*draft["agenda"][:1], *agenda]
    draft["agenda"][-1]["facilitators"] = [facilitator("Someone New")]
    before = snapshot()
    with pytest.raises(DomainError) as raised:
        create(consultation, actor, draft)
    assert code in [e.code for e in raised.value.errors]
    assert snapshot() == before


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"dates": []}, "meeting.no_date_or_time"),
        ({"start": ""}, "meeting.no_date_or_time"),
        ({"end": "25:00"}, "meeting.bad_date_or_time"),
        ({"start": "12:00", "end": "08:00", "dates": ["2021-10-14"]}, "meeting.end_before_start"),
    ],
)
def test_a_meeting_without_a_usable_time_is_refused(consultation, actor, changes, code):
    before = snapshot()
    with pytest.raises(DomainError) as raised:
        create(consultation, actor, {**TWO_DAYS, "agenda": [], **changes})
    assert raised.value.code == code
    assert snapshot() == before
