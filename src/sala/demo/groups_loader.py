"""The 2014 meeting's group work (Session 2: strategic discussion on the road map and the advocacy
plan): four groups, the checked-in people dealt into them, a rapporteur each and their reports.

Everything goes through the participation services, as an organiser's clicks would; the
reports are saved as a rapporteur's autosave saves them. The fourth group wrote in Khmer,
with the English below for the development partners in the room.
"""

from django.db import transaction

from sala.meetings.models import Meeting
from sala.participation.models import BreakoutGroup
from sala.participation.services import groups as services

# Rapporteurs are taken from these kinds of organisation first: they present to the plenary.
REPORTING_KINDS = ("cso", "legal", "academia", "media")

GROUPS = [
    {
        "topic": ("Freedom of expression provisions", "បទប្បញ្ញត្តិស្តីពីសេរីភាពនៃការបញ្ចេញមតិ"),
        "key_points": (
            "- Article 12 punishes content “deemed to hinder the sovereignty and integrity of the "
            "Kingdom”, “to incite anarchy” or “to undermine the morality of the family”: none of these "
            "terms is defined.\n"
            "- Who decides what is “deemed” harmful? The draft gives that power to officials, not to a "
            "court.\n"
            "- Article 13 (false information) and Article 14 (defamation of public officials) repeat "
            "offences already in the Criminal Code, with heavier penalties when committed online.\n"
            "- Journalists, bloggers and NGO staff who share reports on Facebook would all be exposed."
        ),
        "recommendations": (
            "1. Delete Article 12, or limit it to content that intentionally incites violence, defined as in "
            "Article 20 of the ICCPR.\n"
            "2. Delete Articles 13 and 14: the Criminal Code already covers these acts.\n"
            "3. Add a clause that nothing in the law restricts expression protected by Article 41 of the "
            "Constitution."
        ),
        "questions": (
            "Will the Ministry publish the next version of the draft before it goes to the Council of "
            "Ministers?\nCan the coalition meet the drafting team on Article 12 specifically?"
        ),
    },
    {
        "topic": ("Privacy and personal data", "ឯកជនភាព និងទិន្នន័យផ្ទាល់ខ្លួន"),
        "key_points": (
            "- Article 7 obliges providers to keep the traffic data of every user for at least one year, "
            "whether or not they are suspected of anything.\n"
            "- Article 8 allows searches where there is “reason to believe” an offence “will be” committed: "
            "no warrant, no judge.\n"
            "- Cambodia has no data protection law, so nothing limits how retained data is used or shared.\n"
            "- Telecom companies in the group said they cannot store a year of data for all users at "
            "reasonable cost."
        ),
        "recommendations": (
            "1. Replace blanket retention with targeted preservation orders (Article 6), limited to "
            "90 days.\n"
            "2. Require a court warrant for every search, seizure and hand-over of data.\n"
            "3. Ask for a data protection law to be drafted alongside this law."
        ),
        "questions": "Who will oversee the Committee's access to data? Is there any complaint mechanism?",
    },
    {
        "topic": ("Penalties and due process", "ទោសទណ្ឌ និងនីតិវិធីត្រឹមត្រូវ"),
        "key_points": (
            "- Prison terms for content offences (1 to 3 years) are out of proportion with the acts.\n"
            "- Fines of up to 6,000,000 riels are more than a year's income for most Cambodians.\n"
            "- The Committee in Article 5 can order content removed or blocked without any hearing or "
            "appeal.\n"
            "- The Committee is chaired by the Prime Minister: it is not independent."
        ),
        "recommendations": (
            "1. No prison terms for expression offences; fines proportionate to income.\n"
            "2. Any blocking or removal order only by a court, with a right of appeal.\n"
            "3. Make the Committee independent, with civil society and private sector members, and "
            "publish its decisions."
        ),
        "questions": "How will the law be applied to Cambodians posting from abroad?",
    },
    {
        "topic": ("Advocacy plan and road map", "ផែនការតស៊ូមតិ និងផែនទីបង្ហាញផ្លូវ"),
        "key_points": (
            "- ត្រូវការឯកសារជំហររួមមួយ ដែលអង្គការទាំងអស់អាចចុះហត្ថលេខាបាន។\n"
            "- ត្រូវជួបក្រសួងពាក់ព័ន្ធ មុនពេលសេចក្តីព្រាងបញ្ជូនទៅទីស្តីការគណៈរដ្ឋមន្ត្រី។\n"
            "- ប្រព័ន្ធផ្សព្វផ្សាយ និងយុវជនត្រូវចូលរួមក្នុងការផ្សព្វផ្សាយ។\n\n"
            "- We need one joint position paper that every organisation can sign.\n"
            "- Meet the ministries concerned before the draft goes to the Council of Ministers.\n"
            "- Media and youth groups should help make the issues known."
        ),
        "recommendations": (
            "១. រៀបចំឯកសារជំហររួមក្នុងរយៈពេល ២ សប្តាហ៍ (CCC និង NGO Forum សម្របសម្រួល)។\n"
            "២. ស្នើសុំជួបក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍ ក្នុងខែកក្កដា។\n"
            "៣. ចែករំលែកព័ត៌មានជាប្រចាំតាមបណ្តាញសង្គម។\n\n"
            "1. Draft the joint position paper within 2 weeks (coordinated by CCC and NGO Forum).\n"
            "2. Request a meeting with the Ministry of Posts and Telecommunications in July.\n"
            "3. Share regular updates on social media."
        ),
        "questions": (
            "តើអង្គការណាខ្លះស្ម័គ្រចិត្តដឹកនាំការងារនីមួយៗ?\nWhich organisations volunteer to lead each activity?"
        ),
    },
]


@transaction.atomic
def load_groups(meeting: Meeting) -> None:
    """Make the groups, deal the checked-in people into them and write their reports; once only."""
    if BreakoutGroup.objects.filter(meeting=meeting).exists():
        return
    organiser = meeting.consultation.organisers.order_by("pk").first()
    groups = [
        services.create_group(
            meeting=meeting, topic_en=g["topic"][0], topic_km=g["topic"][1], actor=organiser
        )
        for g in GROUPS
    ]
    services.assign_groups(meeting=meeting, actor=organiser)
    for group, texts in zip(groups, GROUPS, strict=True):
        rapporteur = choose_rapporteur(group)
        services.update_group(
            group=group,
            topic_en=group.topic_en,
            topic_km=group.topic_km,
            rapporteur=rapporteur,
            actor=organiser,
        )
        services.save_report(
            group=group,
            key_points=texts["key_points"],
            recommendations=texts["recommendations"],
            questions=texts["questions"],
            base_revision=0,
        )


def choose_rapporteur(group: BreakoutGroup):
    """The first member by name from a reporting kind of organisation (else anyone in the group)."""
    members = [
        m.person for m in group.members.select_related("person__organisation").order_by("person__name_en")
    ]
    reporting = [p for p in members if p.organisation and p.organisation.type in REPORTING_KINDS]
    return (reporting or members or [None])[0]
