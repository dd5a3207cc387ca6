"""Reading attendance: who is invited, registered and here, and the figures donors ask for."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.crypto import salted_hmac

from sala.core import audit
from sala.core.models import AuditEntry
from sala.meetings.models import Meeting
from sala.people.models import Organisation, Person
from sala.people.queries import matching_people, search_people

from .models import Category, CheckIn, Invitation, Registration

LINK_SECONDS = 60


def link_key(token: str) -> str:
    """A keyed hash of the link: the cache holds no link."""
    return "sala:link:" + salted_hmac("sala.participant", token).hexdigest()[:32]


def link_ids(token: str) -> tuple[int, int]:
    """(meeting id, person id) behind an invitation or (not cancelled) registration link, from
    the shared cache or one narrow query, 404 for an unknown link: what the live meeting's
    polls and taps need, without loading anyone. Withdrawing an invitation or cancelling a
    registration forgets it (forget_link)."""
    ids = cache.get(link_key(token))
    if ids is None:
        fields = ("meeting_id", "person_id")
        ids = Invitation.objects.filter(token=token).values_list(*fields).first() or (
            Registration.objects.exclude(status=Registration.Status.CANCELLED)
            .filter(token=token)
            .values_list(*fields)
            .first()
        )
        if ids is None:
            raise Http404
        cache.set(link_key(token), ids, LINK_SECONDS)
    return ids


def forget_link(token: str) -> None:
    """The link no longer opens the meeting: now, and again once that is committed (a request
    that read it meanwhile may have put it back)."""
    cache.delete(link_key(token))
    transaction.on_commit(lambda: cache.delete(link_key(token)))


def possible_duplicates(*, name: str, organisation: Organisation | None, phone: str = "") -> list[Person]:
    return matching_people(name=name, organisation=organisation, phone=phone)


def meeting_people(meeting: Meeting) -> QuerySet[Person]:
    """Everyone with a tie to the meeting: invited, registered or checked in."""
    return Person.objects.filter(
        Q(invitations__meeting=meeting) | Q(registrations__meeting=meeting) | Q(check_ins__meeting=meeting)
    ).distinct()


@dataclass
class PersonRow:
    """One line of the organisers' list of people, with their state at this meeting."""

    person: Person
    invitation: Invitation | None
    registration: Registration | None
    checkin: CheckIn | None

    @property
    def category(self) -> str:
        for source in (self.checkin, self.registration, self.invitation):
            if source is not None:
                return source.get_category_display()
        return ""


def people_rows(meeting: Meeting, text: str = "", status: str = "") -> list[PersonRow]:
    people = search_people(meeting_people(meeting), text).select_related("organisation")
    invitations = {i.person_id: i for i in Invitation.objects.filter(meeting=meeting)}
    registrations = {r.person_id: r for r in Registration.objects.filter(meeting=meeting)}
    checkins = {c.person_id: c for c in CheckIn.objects.filter(meeting=meeting).select_related("by")}
    rows = [
        PersonRow(p, invitations.get(p.pk), registrations.get(p.pk), checkins.get(p.pk))
        for p in people.order_by("name_en", "name_km", "pk")
    ]
    filters = {
        "here": lambda r: r.checkin is not None,
        "not_here": lambda r: r.checkin is None,
        "waiting": lambda r: r.registration is not None and r.registration.status == "waitlisted",
        "no_answer": lambda r: r.invitation is not None and r.invitation.answer == "pending",
    }
    return [r for r in rows if filters[status](r)] if status in filters else rows


def waiting_list(meeting: Meeting) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(meeting=meeting, status=Registration.Status.WAITLISTED)
        .select_related("person__organisation")
        .order_by("queued_at", "pk")
    )


@dataclass
class Figures:
    """Attendance against the target, and broken down as donor reports ask."""

    target_min: int | None
    target_max: int | None
    places: int | None
    invited: int = 0
    accepted: int = 0
    declined: int = 0
    registered: int = 0
    waiting: int = 0
    checked_in: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_type: list[tuple[str, int]] = field(default_factory=list)
    by_gender: list[tuple[str, int]] = field(default_factory=list)

    @property
    def target_state(self) -> str:
        if self.target_min and self.checked_in < self.target_min:
            return "below"
        if self.target_max and self.checked_in > self.target_max:
            return "above"
        return "within"


def attendance_figures(meeting: Meeting) -> Figures:
    figures = Figures(meeting.participants_min, meeting.participants_max, meeting.places)
    answers = dict(
        Invitation.objects.filter(meeting=meeting).values_list("answer").annotate(n=Count("pk")).order_by()
    )
    figures.invited = sum(answers.values())
    figures.accepted = answers.get(Invitation.Answer.ACCEPTED, 0)
    figures.declined = answers.get(Invitation.Answer.DECLINED, 0)
    statuses = dict(
        Registration.objects.filter(meeting=meeting).values_list("status").annotate(n=Count("pk")).order_by()
    )
    figures.registered = statuses.get(Registration.Status.CONFIRMED, 0)
    figures.waiting = statuses.get(Registration.Status.WAITLISTED, 0)
    checkins = CheckIn.objects.filter(meeting=meeting)
    figures.checked_in = checkins.count()
    figures.by_category = breakdown(checkins, "category", Category.choices)
    figures.by_type = breakdown(checkins, "person__organisation__type", Organisation.Type.choices)
    figures.by_gender = breakdown(checkins, "person__gender", Person.Gender.choices)
    return figures


def breakdown(checkins: QuerySet[CheckIn], path: str, choices) -> list[tuple[str, int]]:
    """Counts per choice, every choice listed (zeros too) so the table's shape never jumps."""
    counts = dict(checkins.values_list(path).annotate(n=Count("pk")).order_by())
    none_given = counts.pop(None, 0) + counts.pop("", 0)
    rows = [(label, counts.get(value, 0)) for value, label in choices if value]
    return [*rows, (NOT_GIVEN, none_given)] if none_given or "" in dict(choices) else rows


NOT_GIVEN = Person.Gender.NOT_GIVEN.label


def attendance_version(meeting: Meeting) -> int:
    """Changes with every invitation, registration or check-in (they all write the audit
    log): the ETag of the live counts, so an unchanged state answers 304."""
    last = AuditEntry.objects.filter(scope=audit.key(meeting)).order_by("-pk").values_list("pk", flat=True)
    return last.first() or 0


def person_row(meeting: Meeting, person: Person) -> PersonRow:
    """One person's row of the search results, read again after a change."""
    ties = {"meeting": meeting, "person": person}
    return PersonRow(
        person,
        Invitation.objects.filter(**ties).first(),
        Registration.objects.filter(**ties).first(),
        CheckIn.objects.filter(**ties).select_related("by").first(),
    )
