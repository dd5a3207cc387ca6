"""What the Q&A tests share: a meeting with two agenda items, invitees, an organiser, a facilitator."""

from dataclasses import dataclass

from sala.attendance import services as attendance
from sala.attendance.models import Invitation
from sala.meetings.models import AgendaItem, Facilitator, Meeting
from sala.people.models import Person
from tests.factories import (
    AgendaItemFactory,
    FacilitatorFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    pp,
)


@dataclass
class Room:
    meeting: Meeting
    item: AgendaItem  # the session with the Q&A
    other_item: AgendaItem  # another item of the same meeting
    organiser: object
    asker: Person
    voter: Person
    asker_link: Invitation
    voter_link: Invitation
    facilitator: Facilitator


def make_room(slug: str = "qa-meeting") -> Room:
    meeting = MeetingFactory(slug=slug)
    item = AgendaItemFactory(
        meeting=meeting, title_en="Session 1: Presentations", title_km="វគ្គទី១៖ បទបង្ហាញ", starts_at=pp(8)
    )
    other_item = AgendaItemFactory(
        meeting=meeting, title_en="Group work", title_km="ការងារក្រុម", starts_at=pp(10), ends_at=pp(11)
    )
    organiser = UserFactory(username=f"organiser-{slug}@example.org")
    meeting.consultation.organisers.add(organiser)
    asker = PersonFactory(
        name_en="Chhorvy Sreyneang",
        name_km="ឆវី ស្រីនាង",
        email="sreyneang.chhorvy@kydr.example.org",
        organisation=OrganisationFactory(acronym="KYDR", name_en="Khmer Youth for Digital Rights"),
    )
    voter = PersonFactory(name_en="Heng Bunthoeun", name_km="ហេង ប៊ុនធឿន")
    asker_link, voter_link = attendance.invite_people(meeting=meeting, people=[asker, voter], actor=None)
    facilitator = FacilitatorFactory(item=item, person=PersonFactory(name_en="Pol Chanrithy"))
    return Room(meeting, item, other_item, organiser, asker, voter, asker_link, voter_link, facilitator)
