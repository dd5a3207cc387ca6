"""The emails Sala sends to people, each in the person's own language."""

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_noop

from sala.core.khmer import format_date, format_time
from sala.meetings.models import Meeting
from sala.meetings.queries import agenda_items_queryset
from sala.meetings.views.exports import build_calendar
from sala.people.models import Person

from .links import invitation_link, qr_png, registration_link
from .models import Invitation, Registration


def message(person: Person, template: str, subject: str, context: dict) -> EmailMessage:
    body = render_to_string(f"attendance/email/{template}.txt", {"person": person, **context})
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[person.email])


def with_calendar(email: EmailMessage, meeting: Meeting) -> EmailMessage:
    calendar = build_calendar(meeting, list(agenda_items_queryset().filter(meeting=meeting)))
    email.attach(f"{meeting.slug}.ics", calendar.to_ical(), "text/calendar")
    return email


def with_pass(email: EmailMessage, link: str, meeting: Meeting) -> EmailMessage:
    """The personal link as a QR code to show at the door, and the calendar file."""
    email.attach("sala-qr.png", qr_png(link), "image/png")
    return with_calendar(email, meeting)


def personal_link(meeting: Meeting, person: Person, registration: Registration | None = None) -> str:
    """The invitation link if there is one (it shows everything), else the registration's."""
    invitation = Invitation.objects.filter(meeting=meeting, person=person).first()
    if invitation is not None:
        return invitation_link(invitation.token, person.language)
    return registration_link(registration.token, person.language)


def invitation_message(invitation: Invitation) -> EmailMessage:
    person, meeting = invitation.person, invitation.meeting
    with translation.override(person.language):
        link = invitation_link(invitation.token, person.language)
        subject = translation.gettext("Invitation: %(title)s") % {"title": meeting.title}
        email = message(person, "invitation", subject, {"meeting": meeting, "link": link})
        return with_pass(email, link, meeting)


def promotion_message(registration: Registration) -> EmailMessage:
    return place_message(registration, "promoted", gettext_noop("A place is yours: %(title)s"))


def registration_message(registration: Registration) -> EmailMessage:
    return place_message(registration, "registration", gettext_noop("Your registration: %(title)s"))


def place_message(registration: Registration, template: str, subject: str) -> EmailMessage:
    person, meeting = registration.person, registration.meeting
    with translation.override(person.language):
        link = personal_link(meeting, person, registration)
        subject = translation.gettext(subject) % {"title": meeting.title}
        context = {"meeting": meeting, "link": link, "registration": registration}
        return with_pass(message(person, template, subject, context), link, meeting)


def agenda_notice_message(meeting_id: int, person_id: int, changes: list[dict]) -> EmailMessage | None:
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    person = Person.objects.filter(pk=person_id, erased_at__isnull=True).exclude(email="").first()
    if meeting is None or person is None:
        return None
    with translation.override(person.language):
        subject = translation.gettext("The agenda has changed: %(title)s") % {"title": meeting.title}
        lines = [readable(change, person.language) for change in changes]
        return with_calendar(
            message(person, "agenda_changed", subject, {"meeting": meeting, "changes": lines}), meeting
        )


def readable(change: dict, language: str) -> dict:
    """A change as the person reads it: times, dates and titles in their language."""

    def when(state: dict) -> str:
        start, end = datetime.fromisoformat(state["start"]), datetime.fromisoformat(state["end"])
        day = format_date(start, language, weekday=False)
        return f"{day} {format_time(start, language)}–{format_time(end, language)}"

    def title(state: dict) -> str:
        return state["title"].get(language) or next((t for t in state["title"].values() if t), "")

    before = change.get("before")
    return {
        "kind": change["kind"],
        "when": when(change),
        "title": title(change),
        "before": f"{when(before)} {title(before)}" if before else "",
    }
