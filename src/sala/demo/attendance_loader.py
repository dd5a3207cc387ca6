"""The 2014 meeting's invitations, answers and check-ins, made through the services."""

import random
from datetime import timedelta

from sala.attendance import services
from sala.attendance.models import Category, Invitation, Registration
from sala.attendance.services.notices import remember_agenda
from sala.core.khmer import has_khmer
from sala.meetings.models import Meeting
from sala.people.models import Organisation, Person

from . import attendance_data as data


def load_attendance(meeting: Meeting, organiser) -> None:
    """Invite about 60 people, record their answers and 55 check-ins; once only."""
    if Invitation.objects.filter(meeting=meeting).exists():
        return
    rng = random.Random(2014)
    organisations = {
        acronym: Organisation.objects.get_or_create(
            acronym=acronym, defaults={"name_en": en, "name_km": km, "type": kind}
        )[0]
        for acronym, en, km, kind in data.ORGANISATIONS
    }
    by_type: dict[str, list[Organisation]] = {}
    for organisation in Organisation.objects.exclude(type="").order_by("pk"):
        by_type.setdefault(organisation.type, []).append(organisation)
    names = name_source(rng)
    invitees: list[tuple[Person, str]] = []
    for kind, count in data.INVITEES_PER_TYPE.items():
        for n in range(count):
            person = make_person(rng, names, by_type[kind][n % len(by_type[kind])])
            invitees.append((person, data.CATEGORY_BY_TYPE.get(kind, Category.PARTICIPANT)))
    rng.shuffle(invitees)
    speakers = Person.objects.filter(facilitations__item__meeting=meeting).distinct()
    invitees += [(person, Category.SPEAKER) for person in speakers]
    invitees += [
        (
            make_person(rng, names, organisations.get(a) or Organisation.objects.get(acronym=a)),
            Category.ORGANISER,
        )
        for a in ("CCC", "NGO Forum")
    ]
    for category in Category.values:
        people = [p for p, c in invitees if c == category]
        services.invite_people(meeting=meeting, people=people, category=category, actor=organiser)
    mark_sent(meeting)
    answer_and_arrive(meeting, organiser, rng)


def mark_sent(meeting: Meeting) -> None:
    """The invitations went out in May 2014: recorded as sent, without emailing anyone now.

    The agenda as sent is remembered, so an organiser who edits the demo agenda sees the
    offer to tell the people concerned.
    """
    sent = meeting.starts_at - timedelta(days=14)
    Invitation.objects.filter(meeting=meeting).exclude(person__email="").update(sent_at=sent, send_count=1)
    remember_agenda(meeting)


def name_source(rng: random.Random):
    """Distinct (Latin name, Khmer name, gender) triples, in a repeatable random order."""
    pairs = [(f, g, "woman") for f in data.FAMILY_NAMES for g in data.WOMEN]
    pairs += [(f, g, "man") for f in data.FAMILY_NAMES for g in data.MEN]
    rng.shuffle(pairs)
    for (family_en, family_km), (given_en, given_km), gender in pairs:
        yield f"{family_en} {given_en}", f"{family_km} {given_km}", gender


def make_person(rng: random.Random, names, organisation: Organisation) -> Person:
    name_en, name_km, gender = next(names)
    while Person.objects.filter(name_en=name_en).exists():
        name_en, name_km, gender = next(names)
    family, given = name_en.lower().split(" ", 1)
    return Person.objects.create(
        name_en=name_en,
        name_km=name_km,
        gender=gender,
        title="ms" if gender == "woman" else "mr",
        organisation=organisation,
        position=rng.choice(data.POSITIONS),
        email=f"{given}.{family}@{organisation.acronym.lower().replace(' ', '')}.example.org",
        phone=f"+855{rng.choice(['12', '17', '77', '96'])}{rng.randrange(100000, 999999)}",
        language="en" if organisation.type == "development_partner" else "km",
    )


def answer_and_arrive(meeting: Meeting, organiser, rng: random.Random) -> None:
    invitations = list(Invitation.objects.filter(meeting=meeting).select_related("person").order_by("pk"))
    rng.shuffle(invitations)
    declined = invitations[: data.DECLINED]
    accepted = invitations[data.DECLINED + data.NO_ANSWER :]  # the ones between never answered
    for invitation in declined:
        services.answer_invitation(invitation=invitation, accept=False)
    for invitation in accepted:
        services.answer_invitation(invitation=invitation, accept=True)
    door_opens = meeting.starts_at - timedelta(minutes=10)
    arriving = accepted[: len(accepted) - data.ABSENT]
    for n, invitation in enumerate(arriving):
        at = door_opens + timedelta(seconds=45 * n + rng.randrange(0, 40))
        services.check_in(meeting=meeting, person=invitation.person, actor=organiser, at=at)
    for n, (name, gender, acronym) in enumerate(data.WALK_INS):
        person = Person.objects.create(
            **{"name_km" if has_khmer(name) else "name_en": name},
            gender=gender,
            organisation=Organisation.objects.get(acronym=acronym),
        )
        services.register_person(meeting=meeting, person=person, source=Registration.Source.WALK_IN)
        at = meeting.starts_at + timedelta(minutes=25 + 5 * n)
        services.check_in(meeting=meeting, person=person, actor=organiser, at=at)
