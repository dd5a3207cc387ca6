"""Loads the demo through the same services the screens use, so the demo obeys every rule."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from sala.laws.models import Law
from sala.meetings import services
from sala.meetings.models import Consultation, Meeting
from sala.people.models import Organisation, Person

from . import data
from .advocacy_loader import load_positions
from .attendance_loader import load_attendance
from .drafts_loader import load_draft
from .followup_loader import load_followup
from .groups_loader import load_groups
from .inputs_loader import load_inputs
from .laws_loader import load_laws
from .materials_loader import load_materials
from .outcomes_loader import load_outcomes
from .questions_loader import load_questions
from .roadmap_loader import load_roadmap

PHNOM_PENH = ZoneInfo(settings.TIME_ZONE)


def at(day: tuple[int, int, int], hm: tuple[int, int]) -> datetime:
    return datetime(*day, *hm, tzinfo=PHNOM_PENH)


def ensure_organiser():
    User = get_user_model()
    account = data.ORGANISER_ACCOUNT
    user, created = User.objects.get_or_create(
        username=account["email"], defaults={"email": account["email"], "first_name": "Demo"}
    )
    if created:
        user.set_password(account["password"])
        user.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=account["email"], defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def load_demo(*, with_inputs: bool = True) -> Meeting:
    """Create the 2014 meeting once; a second run changes nothing (organisers' edits stay).

    Each part (laws, the meeting, its attendance; then what happened at and after it: materials,
    questions, groups, inputs, the joint position, the road map and its vote, endorsements and
    actions, the outcomes' rules) is loaded if missing, so a database made by an older version
    gains the parts added since. Tests leave the second half out unless they ask for it: most
    need only the meeting.
    """
    organiser = ensure_organiser()
    law, _ = Law.objects.get_or_create(slug=data.LAW["slug"], defaults=data.LAW)
    consultation, _ = Consultation.objects.get_or_create(
        slug=data.CONSULTATION["slug"], defaults={**data.CONSULTATION, "law": law}
    )
    consultation.organisers.add(organiser)
    load_laws(organiser)
    load_draft(organiser)
    meeting = Meeting.objects.filter(slug=data.MEETING["slug"]).first()
    if meeting is None:
        meeting = create_meeting(consultation, organiser)
    load_attendance(meeting, organiser)
    if with_inputs:
        load_materials(meeting)
        load_questions(meeting)
        load_groups(meeting)
        load_inputs(meeting, organiser)
        load_positions(meeting, organiser)
        load_roadmap(meeting, organiser)
        load_followup(meeting)
        load_outcomes(meeting, organiser)
    return meeting


def create_meeting(consultation: Consultation, organiser) -> Meeting:

    orgs = {}
    for acronym, name_en, name_km, kind in data.ORGANISATIONS:
        orgs[acronym], _ = Organisation.objects.get_or_create(
            acronym=acronym, defaults={"name_en": name_en, "name_km": name_km, "type": kind}
        )
    people = {}
    for key, (title, name, acronym) in data.PEOPLE.items():
        people[key], _ = Person.objects.get_or_create(
            name_en=name,
            defaults={
                "title": title,
                "organisation": orgs[acronym],
                "gender": "woman" if title in ("ms", "mrs") else "man",
            },
        )

    fields = {k: v for k, v in data.MEETING.items() if k not in {"date", "start", "end"}}
    meeting = services.create_meeting(
        consultation=consultation,
        actor=organiser,
        organisations=[orgs[a] for a in data.ORGANISERS],
        starts_at=at(data.MEETING["date"], data.MEETING["start"]),
        ends_at=at(data.MEETING["date"], data.MEETING["end"]),
        **fields,
    )
    objectives = services.set_objectives(
        meeting=meeting,
        actor=organiser,
        rows=[services.ObjectiveRow(en, km) for en, km in data.OBJECTIVES],
    )
    services.set_outcomes(  # outcome n serves objective n
        meeting=meeting,
        actor=organiser,
        rows=[
            services.OutcomeRow(en, km, [objective.pk])
            for (en, km), objective in zip(data.OUTCOMES, objectives, strict=True)
        ],
    )
    for entry in data.AGENDA:
        title_en, title_km = entry["title"]
        led_en, led_km = entry.get("led_by", ("", ""))
        item = services.create_agenda_item(
            meeting=meeting,
            actor=organiser,
            kind=entry["kind"],
            starts_at=at(data.MEETING["date"], entry["start"]),
            ends_at=at(data.MEETING["date"], entry["end"]),
            title_en=title_en,
            title_km=title_km,
            led_by_en=led_en,
            led_by_km=led_km,
            sub_items=entry.get("sub_items", []),
        )
        for key, role_en, role_km, status in entry.get("facilitators", []):
            services.add_facilitator(
                item=item,
                actor=organiser,
                person=people[key],
                role_en=role_en,
                role_km=role_km,
                status=status,
            )
    return meeting
