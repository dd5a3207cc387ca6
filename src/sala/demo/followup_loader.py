"""What followed the 2014 meeting: organisations endorsing the joint position, and the coalition's
follow-up actions, made through the advocacy services.

Endorsements come from invited people of eight organisations (two asked not to be named),
dated in the fortnight after the position was published; they load only once the position is
public (the demo's inputs and position load first). The actions fall due in June to September
2014: most are done or under way, one is still open and overdue, one was dropped. An action is
linked to the road map's strategies whose activity mentions one of its words, if the demo has
a road map. Each part loads once; organisers' later edits stay.
"""

from datetime import date, timedelta

from django.db import transaction

from sala.advocacy.models import ActionItem, Endorsement, Strategy
from sala.advocacy.services.actions import create_action
from sala.advocacy.services.endorsements import endorse_position
from sala.attendance.models import Invitation
from sala.meetings.models import Consultation, Meeting
from sala.people.models import Organisation, Person

# (acronym, may be named, recorded by the organisers from a signed letter)
ENDORSERS = [
    ("CHRC", True, False),
    ("WVN", True, False),
    ("YDC", True, False),
    ("CIJ", True, False),
    ("DRL", True, True),
    ("API", True, False),
    ("MMC", False, False),
    ("FLPS", False, True),
]

# (owner organisation, English, Khmer, due date, status, words of the strategies it serves)
ACTIONS = [
    (
        "CCC",
        "Send the joint submission to the Ministry of Posts and Telecommunications",
        "ផ្ញើសេចក្តីស្នើរួមទៅក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍",
        date(2014, 6, 30),
        ActionItem.Status.DONE,
        ("submission", "ministry"),
    ),
    (
        "API",
        "Brief development partners and embassies on the joint position",
        "ធ្វើបទបង្ហាញសង្ខេបអំពីជំហររួមជូនដៃគូអភិវឌ្ឍន៍ និងស្ថានទូត",
        date(2014, 7, 15),
        ActionItem.Status.DONE,
        ("partner", "embass", "donor"),
    ),
    (
        "CIJ",
        "Publish a plain-language explainer of the draft in Khmer",
        "ផ្សព្វផ្សាយឯកសារពន្យល់សេចក្តីព្រាងច្បាប់ជាភាសាខ្មែរងាយយល់",
        date(2014, 7, 31),
        ActionItem.Status.IN_PROGRESS,
        ("media", "public", "awareness"),
    ),
    (
        "NGO Forum",
        "Request a meeting with the legal unit of the Council of Ministers",
        "ស្នើសុំជួបប្រជុំជាមួយអង្គភាពច្បាប់នៃទីស្តីការគណៈរដ្ឋមន្ត្រី",
        date(2014, 8, 15),
        ActionItem.Status.OPEN,
        ("council", "meeting", "dialogue"),
    ),
    (
        "WVN",
        "Collect endorsements from provincial networks",
        "ប្រមូលការគាំទ្រពីបណ្តាញនានានៅតាមខេត្ត",
        date(2014, 8, 31),
        ActionItem.Status.DROPPED,
        ("endorse", "network", "province"),
    ),
    (
        "DRL",
        "Analyse the revised draft as soon as it is released",
        "វិភាគសេចក្តីព្រាងដែលបានកែសម្រួល ភ្លាមៗនៅពេលដែលវាត្រូវបានចេញផ្សាយ",
        date(2014, 9, 30),
        ActionItem.Status.IN_PROGRESS,
        ("analys", "legal", "revised"),
    ),
]


@transaction.atomic
def load_followup(meeting: Meeting) -> None:
    consultation = meeting.consultation
    organiser = consultation.organisers.order_by("pk").first()
    load_endorsements(meeting, organiser)
    load_actions(consultation, meeting, organiser)


def invited_member(meeting: Meeting, acronym: str) -> Person | None:
    """The first person invited to the meeting from this organisation."""
    invitation = (
        Invitation.objects.filter(meeting=meeting, person__organisation__acronym=acronym)
        .select_related("person")
        .order_by("pk")
        .first()
    )
    return invitation.person if invitation else None


def load_endorsements(meeting: Meeting, organiser) -> None:
    consultation = Consultation.objects.get(pk=meeting.consultation_id)
    published = consultation.position_published_at
    if published is None or Endorsement.objects.filter(consultation=consultation).exists():
        return
    for day, (acronym, listed, on_paper) in enumerate(ENDORSERS, start=1):
        person = invited_member(meeting, acronym)
        if person is None:
            continue
        endorsement = endorse_position(
            consultation=consultation,
            organisation=person.organisation,
            representative=person,
            listed=listed,
            actor=organiser if on_paper else None,
        )
        Endorsement.objects.filter(pk=endorsement.pk).update(endorsed_at=published + timedelta(days=day))


def load_actions(consultation: Consultation, meeting: Meeting, organiser) -> None:
    if ActionItem.objects.filter(consultation=consultation).exists():
        return
    strategies = list(Strategy.objects.filter(consultation=consultation))
    for acronym, title_en, title_km, due_on, status, words in ACTIONS:
        organisation = Organisation.objects.filter(acronym=acronym).first()
        create_action(
            consultation=consultation,
            actor=organiser,
            title_en=title_en,
            title_km=title_km,
            owner_organisation=organisation,
            owner=invited_member(meeting, acronym),
            due_on=due_on,
            status=status,
            strategies=[s for s in strategies if any(w in s.activity_en.casefold() for w in words)],
        )
