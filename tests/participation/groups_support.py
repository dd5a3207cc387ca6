"""What the breakout group tests share: a room of 55 checked-in people of five kinds of
organisation, women and men mixed, its organiser, and four groups with topics in both languages."""

from collections import Counter
from dataclasses import dataclass

from sala.attendance import services as attendance
from sala.attendance.models import CheckIn, Invitation
from sala.meetings.models import Meeting
from sala.participation.models import BreakoutGroup
from sala.participation.services import groups as services
from sala.people.models import Person
from tests.factories import MeetingFactory, OrganisationFactory, PersonFactory, UserFactory

# 55 people: (type, how many women, how many men)
MIX = [("cso", 11, 9), ("academia", 5, 5), ("legal", 4, 5), ("government", 3, 5), ("media", 5, 3)]
TOPICS = [
    ("Freedom of expression provisions", "បទប្បញ្ញត្តិស្តីពីសេរីភាពបញ្ចេញមតិ"),
    ("Privacy and personal data", "ឯកជនភាព និងទិន្នន័យផ្ទាល់ខ្លួន"),
    ("Penalties and due process", "ទោសទណ្ឌ និងនីតិវិធីត្រឹមត្រូវ"),
    ("Advocacy plan and road map", "ផែនការតស៊ូមតិ និងផែនទីបង្ហាញផ្លូវ"),
]


@dataclass
class Room:
    meeting: Meeting
    organiser: object
    people: list[Person]
    groups: list[BreakoutGroup]


def check_in(meeting: Meeting, people: list[Person]) -> None:
    CheckIn.objects.bulk_create(CheckIn(meeting=meeting, person=p) for p in people)


def make_people(mix=MIX, prefix: str = "") -> list[Person]:
    people = []
    for kind, women, men in mix:
        organisations = [OrganisationFactory(type=kind) for _ in range(2)]
        for n in range(women + men):
            people.append(
                PersonFactory(
                    name_en=f"{prefix}{kind.title()} Person {n:02d}",
                    gender="woman" if n < women else "man",
                    organisation=organisations[n % 2],
                )
            )
    return people


def make_room(slug: str = "groups-meeting", groups: int = 4) -> Room:
    meeting = MeetingFactory(slug=slug)
    organiser = UserFactory(username=f"organiser-{slug}@example.org")
    meeting.consultation.organisers.add(organiser)
    people = make_people(prefix=slug[:1].upper())
    check_in(meeting, people)
    made = [
        services.create_group(meeting=meeting, topic_en=en, topic_km=km, actor=organiser)
        for en, km in TOPICS[:groups]
    ]
    return Room(meeting, organiser, people, made)


def invite(meeting: Meeting, person: Person) -> Invitation:
    return attendance.invite_people(meeting=meeting, people=[person], actor=None)[0]


def counts(meeting: Meeting) -> dict[int, dict[str, Counter]]:
    """Per group: its size, and its members per kind of organisation and per gender."""
    found: dict[int, dict[str, Counter]] = {}
    for group in BreakoutGroup.objects.filter(meeting=meeting).prefetch_related(
        "members__person__organisation"
    ):
        people = [m.person for m in group.members.all()]
        found[group.pk] = {
            "size": Counter({"all": len(people)}),
            "kinds": Counter(p.organisation.type if p.organisation else "" for p in people),
            "genders": Counter(p.gender for p in people),
        }
    return found


def spread(values) -> int:
    values = list(values)
    return max(values) - min(values) if values else 0


def spreads(meeting: Meeting, field: str, keys) -> dict:
    tallies = counts(meeting).values()
    return {key: spread(t[field][key] for t in tallies) for key in keys}


KINDS = [kind for kind, _w, _m in MIX]
