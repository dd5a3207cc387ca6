"""The Q&A of the 2014 meeting's first session, asked, upvoted and moderated through the services.

A dozen questions on the draft Cybercrime Law, in English and Khmer, as the room asked them
after the presentations: some anonymous, some answered, one still waiting for approval, one
hidden as off topic, and one merged into the question it repeats. The upvotes come from
people who were there. Dated on the day of the meeting, like the inputs.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from sala.attendance.models import CheckIn
from sala.meetings.models import AgendaItem, Facilitator, Meeting
from sala.participation.models import Question
from sala.participation.services import questions as services
from sala.people.models import Person

PHNOM_PENH = ZoneInfo(settings.TIME_ZONE)
ASKERS = ("cso", "media", "academia", "legal")  # the kinds of organisation whose people ask here

# (text, anonymous, upvotes, what became of it, minutes after 08:15 it was asked)
QUESTIONS = [
    (
        "Article 5 lets the Committee order providers to block any content it considers harmful. Who "
        "reviews those orders, and can the owner of a blocked website appeal to a court?",
        False, 9, "answered", 30,
    ),
    (
        "Can a journalist be prosecuted under Article 13 for a report the government later calls false, "
        "even if it was published in good faith?",
        True, 14, "open", 33,
    ),
    (
        "តើគណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា នឹងមានតំណាងសង្គមស៊ីវិលចូលរួមដែរឬទេ?",
        True, 11, "open", 36,
    ),
    (
        "How long must internet providers keep traffic data under Article 7, and who may ask for it "
        "without a court warrant?",
        False, 6, "answered", 41,
    ),
    (
        "តើពាក្យ «ខ្លឹមសារដែលរារាំងដល់អធិបតេយ្យភាពនៃព្រះរាជាណាចក្រ» ក្នុងមាត្រា ១២ មានន័យដូចម្តេច? "
        "ពាក្យនេះទូលំទូលាយពេក ហើយអាចត្រូវបានបកស្រាយតាមអំពើចិត្ត។",
        False, 7, "open", 44,
    ),
    (
        "Will the ministry publish the next draft before it goes to the Council of Ministers, so that we "
        "can comment on the actual text?",
        False, 5, "open", 50,
    ),
    (
        "Does the ITU's model legislation include content offences like Articles 12 to 14, or only attacks "
        "on computer systems?",
        True, 4, "answered", 55,
    ),
    (
        "តើអ្នកប្រើប្រាស់ហ្វេសប៊ុកដែលគ្រាន់តែចែករំលែកព័ត៌មាន អាចត្រូវទទួលខុសត្រូវដូចអ្នកដែលសរសេរដើមដែរឬទេ?",
        True, 3, "answered", 58,
    ),
    (
        "If a reporter publishes something that turns out to be untrue, will they go to prison under the "
        "false information article?",
        False, 3, "duplicate", 61,
    ),
    ("តើសង្គមស៊ីវិលអាចផ្ញើមតិយោបល់ជាលាយលក្ខណ៍អក្សរទៅក្រសួងណា ហើយត្រឹមថ្ងៃណា?", False, 2, "open", 66),
    (
        "Why does the Prime Minister chair the Committee, rather than a body independent of the government?",
        True, 0, "waiting", 72,
    ),
    ("Where do we sign for the transport allowance?", False, 0, "hidden", 75),
]  # fmt: skip
REPEATED, DUPLICATE = 1, 8  # the duplicate (its index above) repeats the question asked second


def first_session(meeting: Meeting) -> AgendaItem:
    """Session 1: the first agenda item of the kind "session"."""
    return meeting.agenda_items.filter(kind=AgendaItem.Kind.SESSION).order_by("starts_at", "pk").first()


@transaction.atomic
def load_questions(meeting: Meeting) -> None:
    """Once only: a second run, or a session that already has questions, changes nothing."""
    item = first_session(meeting)
    if item is None or Question.objects.filter(board__item=item).exists():
        return
    organiser = meeting.consultation.organisers.order_by("pk").first()
    facilitator = (
        item.facilitators.exclude(status=Facilitator.Status.DECLINED).order_by("position", "pk").first()
    )
    board = services.board_for(item)
    # A sensitive law: every question was approved before the room and the projector saw it.
    services.set_board(board=board, is_open=True, pre_moderation=True, actor=organiser)
    present = list(
        Person.objects.filter(pk__in=CheckIn.objects.filter(meeting=meeting).values("person")).order_by("pk")
    )
    askers = [p for p in present if p.organisation and p.organisation.type in ASKERS]
    start = item.starts_at
    asked = []
    for n, (text, anonymous, upvotes, fate, minutes) in enumerate(QUESTIONS):
        author = None if anonymous else askers[(7 * n) % len(askers)]
        question = services.ask_question(board=board, text=text, author=author, rate_keys=[])
        moderator = {"facilitator": facilitator} if facilitator and n % 2 else {"actor": organiser}
        if fate != "waiting":
            (services.hide_question if fate == "hidden" else services.approve_question)(
                question=question, **moderator
            )
        for voter in voters(present, n, upvotes, author):
            services.upvote_question(question=question, person=voter)
        Question.objects.filter(pk=question.pk).update(created_at=start + timedelta(minutes=minutes))
        asked.append((question, fate, minutes, moderator))
    for question, fate, minutes, moderator in asked:
        if fate == "duplicate":
            services.merge_questions(duplicate=question, into=asked[REPEATED][0], **moderator)
        elif fate == "answered":
            services.mark_answered(question=question, **moderator)
            Question.objects.filter(pk=question.pk).update(answered_at=answered_at(start, minutes))


def voters(present: list[Person], n: int, count: int, author: Person | None) -> list[Person]:
    """`count` people of the room, never the asker. The duplicate's first voters are the last of
    the question it repeats, so the merge shows each person counted once."""
    offset = 3 * REPEATED + QUESTIONS[REPEATED][2] - 2 if n == DUPLICATE else 3 * n
    pool = [p for p in present[offset:] + present[:offset] if p != author]
    return pool[:count]


def answered_at(start: datetime, minutes: int) -> datetime:
    """Answered in the Q&A block at the end of the session (09:20–09:45)."""
    return max(start + timedelta(minutes=minutes + 10), start + timedelta(minutes=65))
