"""The 2014 meeting's road map of joint advocacy and the participants' vote on it, made through
the advocacy services.

Six strategies written for the demo, in the spirit of what such a coalition plans (any likeness
to a real plan is chance): the joint submission, development partners, a media briefing, public
awareness, the National Assembly, follow-up analysis. Owners are demo organisations; articles
are found by their heading, and their findings linked where the position is loaded. Then one
anonymous decision on the whole road map, voted by participants checked in at Session 2 and
closed at the plenary: quorum reached, a few abstentions, one objection with its reason, passed
under the two-thirds rule. Loads once, after the attendance (and group) loaders; a
consultation that already has a road map is left as it is.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from sala.advocacy.models import VOTING_CATEGORIES, Choice, Decision, Finding
from sala.advocacy.services import decisions as decision_services
from sala.advocacy.services import strategies as strategy_services
from sala.attendance.models import CheckIn
from sala.core.khmer import khmer_digits
from sala.laws.models import Article
from sala.meetings.models import Meeting
from sala.people.models import Organisation

from .advocacy_loader import find_article

CONTENT = [("content",), ("ខ្លឹមសារ",)]
FALSE_INFORMATION = [("false",), ("មិនពិត",)]
COMMITTEE = [("power", "committee"), ("អំណាច", "គណៈកម្មាធិការ")]
TRAFFIC_DATA = [("traffic data",), ("retention",), ("retain",), ("ទិន្នន័យចរាចរណ៍",)]

# owner, English and Khmer texts (activity, target, time frame), due date, provisions it is about
STRATEGIES = [
    (
        "CCC",
        (
            "Send the coalition's joint submission, with its recommended wording, to the Council of "
            "Ministers' working group drafting the law and to the Ministry of Interior.",
            "ផ្ញើសំណើរួមរបស់សម្ព័ន្ធភាព រួមទាំងពាក្យពេចន៍ដែលបានស្នើ ទៅក្រុមការងាររៀបចំសេចក្តីព្រាងច្បាប់ "
            "នៃទីស្តីការគណៈរដ្ឋមន្ត្រី និងទៅក្រសួងមហាផ្ទៃ។",
        ),
        (
            "Council of Ministers' drafting working group; Ministry of Interior",
            "ក្រុមការងាររៀបចំសេចក្តីព្រាងច្បាប់ នៃទីស្តីការគណៈរដ្ឋមន្ត្រី និងក្រសួងមហាផ្ទៃ",
        ),
        ("By the end of June 2014", "ត្រឹមចុងខែមិថុនា ឆ្នាំ២០១៤"),
        date(2014, 6, 30),
        [CONTENT, FALSE_INFORMATION, COMMITTEE, TRAFFIC_DATA],
    ),
    (
        "NGO Forum",
        (
            "Brief development partners and embassies on the coalition's concerns, and ask them to raise the "
            "draft in their dialogue with the government.",
            "ធ្វើបទបង្ហាញជូនដៃគូអភិវឌ្ឍន៍ និងស្ថានទូតនានា អំពីកង្វល់របស់សម្ព័ន្ធភាព ហើយស្នើសុំឱ្យពួកគេលើកយក"
            "សេចក្តីព្រាងច្បាប់នេះមកពិភាក្សា ក្នុងកិច្ចសន្ទនាជាមួយរាជរដ្ឋាភិបាល។",
        ),
        ("Development partners and embassies", "ដៃគូអភិវឌ្ឍន៍ និងស្ថានទូតនានា"),
        ("July 2014", "ខែកក្កដា ឆ្នាំ២០១៤"),
        date(2014, 7, 31),
        [],
    ),
    (
        "CIJ",
        (
            "Hold a media briefing on the joint position with the journalists the content and "
            "false-information offences would put at risk.",
            "រៀបចំសន្និសីទសារព័ត៌មានស្តីពីជំហររួម ជាមួយអ្នកសារព័ត៌មាន ដែលបទល្មើសទាក់ទងនឹងខ្លឹមសារ "
            "និងព័ត៌មានមិនពិត អាចធ្វើឱ្យពួកគេប្រឈមនឹងហានិភ័យ។",
        ),
        ("Journalists and the media", "អ្នកសារព័ត៌មាន និងប្រព័ន្ធផ្សព្វផ្សាយ"),
        ("Two weeks after the meeting", "ពីរសប្តាហ៍ក្រោយកិច្ចប្រជុំ"),
        date(2014, 6, 19),
        [CONTENT, FALSE_INFORMATION],
    ),
    (
        "YDC",
        (
            "Raise public awareness: publish a plain-language explainer of the draft in Khmer and run a "
            "social-media campaign on freedom of expression online.",
            "លើកកម្ពស់ការយល់ដឹងរបស់សាធារណជន៖ ផ្សព្វផ្សាយឯកសារពន្យល់អំពីសេចក្តីព្រាងច្បាប់ជាភាសាខ្មែរដែលងាយយល់ "
            "និងរៀបចំយុទ្ធនាការតាមបណ្តាញសង្គម ស្តីពីសេរីភាពក្នុងការបញ្ចេញមតិតាមអនឡាញ។",
        ),
        ("The public, especially young internet users", "សាធារណជន ជាពិសេសយុវជនដែលប្រើប្រាស់អ៊ីនធឺណិត"),
        ("July to September 2014", "ពីខែកក្កដា ដល់ខែកញ្ញា ឆ្នាំ២០១៤"),
        date(2014, 9, 30),
        [CONTENT],
    ),
    (
        "API",
        (
            "Ask for a meeting with the National Assembly's Commission on Legislation and Justice before the "
            "draft is debated.",
            "ស្នើសុំជួបប្រជុំជាមួយគណៈកម្មការនីតិកម្ម និងយុត្តិធម៌ នៃរដ្ឋសភា មុនពេលសេចក្តីព្រាងច្បាប់ត្រូវបានពិភាក្សា។",
        ),
        (
            "National Assembly Commission on Legislation and Justice",
            "គណៈកម្មការនីតិកម្ម និងយុត្តិធម៌ នៃរដ្ឋសភា",
        ),
        ("As soon as the draft reaches the National Assembly", "ភ្លាមៗនៅពេលសេចក្តីព្រាងច្បាប់ត្រូវបានបញ្ជូនទៅរដ្ឋសភា"),
        None,
        [COMMITTEE],
    ),
    (
        "DRL",
        (
            "Analyse each new version of the draft against the joint position and international standards, "
            "and tell the coalition what changed.",
            "វិភាគសេចក្តីព្រាងច្បាប់កំណែថ្មីនីមួយៗ ធៀបនឹងជំហររួម និងស្តង់ដារអន្តរជាតិ ហើយរាយការណ៍ជូនសម្ព័ន្ធភាពអំពីចំណុចដែលបានផ្លាស់ប្តូរ។",
        ),
        ("Coalition members", "សមាជិកសម្ព័ន្ធភាព"),
        ("Whenever a new version of the draft is available", "រាល់ពេលមានសេចក្តីព្រាងកំណែថ្មី"),
        None,
        [COMMITTEE, TRAFFIC_DATA],
    ),
]

DECISION = {
    "title_en": "Approve the road map of joint advocacy",
    "title_km": "អនុម័តផែនទីបង្ហាញផ្លូវនៃការតស៊ូមតិរួម",
    "voters": Decision.Voters.CHECKED_IN,
    "anonymous": True,
    "results_hidden": True,
    "quorum": 50,
    "pass_rule": Decision.PassRule.TWO_THIRDS,
}
# How the voters chose, in order, until the voters run out.
BALLOTS = [Choice.APPROVE] * 30 + [Choice.CONSENT] * 7 + [Choice.ABSTAIN] * 2 + [Choice.OBJECT]
OBJECTION = (
    "The media briefing should wait until the drafting working group has answered the joint submission."
)
STATEMENT_EN = (
    "The participants approved the road map of joint advocacy by a two-thirds majority: {support} of the "
    "{decided} who took a position supported it. One participant objected to the timing of the media "
    "briefing; the secretariat will hold it after the working group's first answer."
)
STATEMENT_KM = (
    "អ្នកចូលរួមបានអនុម័តផែនទីបង្ហាញផ្លូវនៃការតស៊ូមតិរួម ដោយសំឡេងភាគច្រើនពីរភាគបី៖ {support} នាក់ "
    "ក្នុងចំណោម {decided} នាក់ដែលបានបញ្ចេញជំហរ បានគាំទ្រ។ អ្នកចូលរួមម្នាក់បានជំទាស់ចំពោះពេលវេលានៃសន្និសីទសារព័ត៌មាន "
    "ដូច្នេះលេខាធិការដ្ឋាននឹងរៀបចំសន្និសីទនោះ បន្ទាប់ពីក្រុមការងារបានឆ្លើយតបជាលើកដំបូង។"
)


def at(meeting: Meeting, hour: int, minute: int) -> datetime:
    day = meeting.starts_at.astimezone(ZoneInfo(settings.TIME_ZONE)).date()
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(settings.TIME_ZONE))


@transaction.atomic
def load_roadmap(meeting: Meeting, organiser=None) -> None:
    """Write the road map, then open, vote and close the decision on it; once only."""
    consultation = meeting.consultation
    if consultation.strategies.exists():
        return
    articles = list(Article.objects.filter(draft_id=consultation.draft_id).order_by("position"))
    strategies = []
    for acronym, activity, target, time_frame, due_on, provisions in STRATEGIES:
        linked = [a for a in (find_article(articles, headings) for headings in provisions) if a is not None]
        strategies.append(
            strategy_services.create_strategy(
                consultation=consultation,
                actor=organiser,
                activity_en=activity[0],
                activity_km=activity[1],
                target_en=target[0],
                target_km=target[1],
                time_frame_en=time_frame[0],
                time_frame_km=time_frame[1],
                owner=Organisation.objects.filter(acronym=acronym).first(),
                due_on=due_on,
                articles=linked,
                findings=Finding.objects.filter(consultation=consultation, article__in=linked),
            )
        )
    vote_on(meeting, strategies, organiser)


def vote_on(meeting: Meeting, strategies, organiser) -> None:
    """The decision on the whole road map, voted by the checked-in participants, speakers and
    organisers (the government observers and the development partners' guests do not vote)."""
    decision = decision_services.create_decision(
        consultation=meeting.consultation, actor=organiser, meeting=meeting, strategies=strategies, **DECISION
    )
    decision_services.open_decision(decision=decision, actor=organiser)
    voters = CheckIn.objects.filter(meeting=meeting, category__in=VOTING_CATEGORIES).order_by("pk")
    counts = {choice: 0 for choice in Choice}
    for checkin, choice in zip(voters.select_related("person"), BALLOTS, strict=False):
        reason = OBJECTION if choice == Choice.OBJECT else ""
        decision_services.cast_ballot(decision=decision, person=checkin.person, choice=choice, reason=reason)
        counts[choice] += 1
    support = counts[Choice.APPROVE] + counts[Choice.CONSENT]
    decided = support + counts[Choice.OBJECT]
    decision_services.close_decision(
        decision=decision,
        statement_en=STATEMENT_EN.format(support=support, decided=decided),
        statement_km=STATEMENT_KM.format(support=khmer_digits(support), decided=khmer_digits(decided)),
        actor=organiser,
    )
    # Voting opened during Session 2 and closed at the plenary, on the meeting's day.
    Decision.objects.filter(pk=decision.pk).update(
        opened_at=at(meeting, 10, 45), closed_at=at(meeting, 11, 20)
    )
