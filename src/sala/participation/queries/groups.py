"""Reading breakout groups: the organisers' board, the balance table, a person's group, the plenary.

Each read is a fixed number of queries whatever the number of groups and people.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from sala.meetings.models import Meeting
from sala.people.models import Organisation, Person

from ..models import BreakoutGroup, GroupMember

NO_KIND = _("No organisation or type")


def members_in_order() -> QuerySet[GroupMember]:
    return GroupMember.objects.select_related("person__organisation").order_by(
        "person__name_en", "person__name_km", "person__pk"
    )


def groups_with_members(meeting: Meeting) -> list[BreakoutGroup]:
    """The meeting's groups in order, with their rapporteur and `members.all()` (people, organisations)."""
    return list(
        BreakoutGroup.objects.filter(meeting=meeting)
        .select_related("rapporteur")
        .prefetch_related(Prefetch("members", queryset=members_in_order()))
    )


def unassigned_people(meeting: Meeting) -> list[Person]:
    """People checked in at the meeting and in no group, by name."""
    return list(
        Person.objects.filter(check_ins__meeting=meeting)
        .exclude(group_memberships__meeting=meeting)
        .select_related("organisation")
        .order_by("name_en", "name_km", "pk")
    )


def group_of(meeting: Meeting, person: Person) -> BreakoutGroup | None:
    """The person's group, with its rapporteur, its size (`size`) and its report, if they are in one."""
    return (
        BreakoutGroup.objects.annotate(size=Count("members", distinct=True))  # before the filter's join
        .filter(meeting=meeting, members__person=person)
        .select_related("rapporteur", "report")
        .first()
    )


def plenary_sequence(meeting: Meeting) -> list[BreakoutGroup]:
    """The groups in the order they report, each with its rapporteur and report (or none yet)."""
    return list(BreakoutGroup.objects.filter(meeting=meeting).select_related("rapporteur", "report"))


@dataclass
class BalanceRow:
    group: BreakoutGroup | None  # None: the checked-in people in no group
    size: int
    kinds: list[int]
    genders: list[int]


@dataclass
class Balance:
    """Per group: its size, how many of each kind of organisation and of each gender.

    Only the kinds and genders somebody has are columns, so a phone shows a narrow table.
    """

    kinds: list[str] = field(default_factory=list)
    genders: list[str] = field(default_factory=list)
    rows: list[BalanceRow] = field(default_factory=list)


def balance(groups: list[BreakoutGroup], unassigned: list[Person]) -> Balance:
    """The balance table of `groups_with_members` and `unassigned_people` (no query of its own)."""
    people = [[m.person for m in g.members.all()] for g in groups]
    everyone = [p for members in people for p in members] + list(unassigned)
    kinds = [k for k in [*Organisation.Type.values, ""] if any(kind_of(p) == k for p in everyone)]
    genders = [g for g in Person.Gender.values if any(p.gender == g for p in everyone)]
    labels = dict(Organisation.Type.choices)

    def row(group: BreakoutGroup | None, members: list[Person]) -> BalanceRow:
        by_kind, by_gender = Counter(kind_of(p) for p in members), Counter(p.gender for p in members)
        return BalanceRow(group, len(members), [by_kind[k] for k in kinds], [by_gender[g] for g in genders])

    rows = [row(group, members) for group, members in zip(groups, people, strict=True)]
    if unassigned:
        rows.append(row(None, list(unassigned)))
    return Balance(
        kinds=[labels.get(k) or NO_KIND for k in kinds],
        genders=[Person.Gender(g).label for g in genders],
        rows=rows,
    )


def kind_of(person: Person) -> str:
    """The person's kind of organisation; no organisation (or no type) is a kind of its own: ""."""
    return person.organisation.type if person.organisation else ""
