"""The consultation's draft, its input window and about 120 inputs, made through the services.

Every input is typed up by the organiser (the path for paper, meeting notes and emails), so
the demo loads whatever the date: the 2014 window is long closed.
"""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from sala.core.khmer import khmer_digits
from sala.laws.models import Article, DraftVersion
from sala.meetings.models import Meeting
from sala.participation import services
from sala.participation.models import Input
from sala.people.models import Person

from . import inputs_data as data
from .drafts_loader import load_draft

PHNOM_PENH = ZoneInfo(settings.TIME_ZONE)
GIVERS = ("cso", "media", "academia", "legal", "private")  # government observers and donors give none


@transaction.atomic
def load_inputs(meeting: Meeting, organiser) -> None:
    """Set the draft and the window if the consultation has none; add inputs if it has none."""
    consultation = meeting.consultation
    if consultation.draft_id is None:
        services.switch_draft(consultation=consultation, new_draft=load_draft(organiser), actor=organiser)
        consultation.refresh_from_db()
    if consultation.inputs_open_from is None and consultation.inputs_open_until is None:
        # Open since June 2014 with no end, so that the demo's invitation links can still
        # give inputs; the demo's own inputs are dated inside the 2014 window.
        opens = datetime(*data.WINDOW[0], tzinfo=PHNOM_PENH)
        services.set_input_window(consultation=consultation, opens=opens, closes=None, actor=organiser)
        consultation.refresh_from_db()
    if Input.objects.filter(consultation=consultation).exists():
        return
    rng = random.Random(2014)
    articles = articles_by_key(consultation.draft)
    givers = list(
        Person.objects.filter(invitations__meeting=meeting, organisation__type__in=GIVERS)
        .select_related("organisation")
        .order_by("pk")
    )
    giver = InputGiver(meeting, organiser, rng, givers)
    for key, concern, comment, wording in data.INPUTS:
        giver.give(articles[key] if key else None, concern, comment, wording)
    content = articles["content"]
    # One campaign letter sent 40 times in English, and its Khmer version sent 12 times: two groups.
    letters = [*campaign_texts(rng, content.number, "en"), *campaign_texts(rng, content.number, "km")]
    rng.shuffle(letters)
    for text in letters:
        concern = rng.choices(["expression", "vague"], weights=[3, 1])[0]
        giver.give(content, concern, text, "", channels=(("online", 7), ("paper", 3)), anonymous_share=0.5)


def articles_by_key(draft: DraftVersion) -> dict[str, Article]:
    """The demo's articles, found by their heading in whatever draft the consultation is on."""
    by_heading = {a.heading.strip().casefold(): a for a in draft.articles.all()}
    missing = [h for h in data.HEADINGS.values() if h.casefold() not in by_heading]
    if missing:
        raise LookupError(f"The draft {draft} has no article headed {missing}")
    return {key: by_heading[heading.casefold()] for key, heading in data.HEADINGS.items()}


def campaign_texts(rng: random.Random, number: str, language: str) -> list[str]:
    """The campaign letter's copies in one language, each with a few words changed."""
    if language == "km":
        template, words, copies, number = (
            data.CAMPAIGN_KM,
            data.CAMPAIGN_KM_WORDS,
            data.CAMPAIGN_KHMER,
            khmer_digits(number),
        )
    else:
        template, words, copies = data.CAMPAIGN_EN, data.CAMPAIGN_EN_WORDS, data.CAMPAIGN_COPIES
    return [
        template.format(number=number, **{name: rng.choice(options) for name, options in words.items()})
        for _ in range(copies)
    ]


class InputGiver:
    """Who gave each demo input, how and when: drawn from the meeting's invitees, repeatably."""

    def __init__(self, meeting: Meeting, organiser, rng: random.Random, givers: list[Person]):
        self.meeting, self.organiser, self.rng, self.givers = meeting, organiser, rng, givers

    def give(
        self,
        article: Article | None,
        concern: str,
        comment: str,
        wording: str,
        *,
        channels=(("meeting", 45), ("paper", 25), ("online", 30)),
        anonymous_share: float = 0.3,
    ) -> Input:
        rng = self.rng
        channel = rng.choices([c for c, _ in channels], weights=[w for _, w in channels])[0]
        author = rng.choice(self.givers)
        anonymous = rng.random() < anonymous_share
        given = services.give_input(
            consultation=self.meeting.consultation,
            article=article,
            concern=concern,
            comment=comment,
            proposed_wording=wording,
            organisation=author.organisation if not anonymous or rng.random() < 0.5 else None,
            channel=channel,
            meeting=None if channel == "online" else self.meeting,
            author=author,
            show_author=not anonymous and rng.random() < 0.5,
            anonymous=anonymous,
            entered_by=self.organiser,
        )
        # Given in June 2014, not today: the same day's meeting, or online during the window.
        Input.objects.filter(pk=given.pk).update(created_at=self.when(channel))
        return given

    def when(self, channel: str) -> datetime:
        if channel == "online":
            opens, closes = (datetime(*moment, tzinfo=PHNOM_PENH) for moment in data.WINDOW)
            return opens + timedelta(seconds=self.rng.randrange(int((closes - opens).total_seconds())))
        minutes = (self.meeting.ends_at - self.meeting.starts_at).total_seconds() // 60
        return self.meeting.starts_at + timedelta(minutes=self.rng.randrange(45, int(minutes) - 5))
