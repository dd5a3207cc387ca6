"""Importing a participant list: match or create organisations and people, report the rest.

The parser (`sala.importers.people_list`) reads and normalises rows; this module decides,
against the database, who is new, who is known and which rows repeat one another. A dry
run does the same work inside a transaction that is rolled back, so the preview shows
exactly what confirming will do, and nothing is saved before the organiser confirms.
"""

from dataclasses import dataclass, field

from django.db import transaction

from sala.core import audit
from sala.core.errors import MESSAGES
from sala.core.khmer import has_khmer
from sala.importers import people_list
from sala.importers.problems import Finding

from ..models import Organisation, Person
from ..queries import person_values

FIELD_TO_MODEL = {
    "name_latin": "name_en",
    "name_khmer": "name_km",
    "title": "title",
    "gender": "gender",
    "position": "position",
    "email": "email",
    "phone": "phone",
}


@dataclass
class RowOutcome:
    """What happened to one row: `action` is create, match, duplicate or reject."""

    row: int
    record: int
    action: str
    values: dict[str, str]
    person: Person | None = None
    duplicate_of_row: int | None = None
    problems: list[Finding] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowOutcome] = field(default_factory=list)
    organisations_created: list[Organisation] = field(default_factory=list)
    organisations_matched: list[Organisation] = field(default_factory=list)

    @property
    def people(self) -> list[Person]:
        """Every distinct person the list names, created or matched, in list order."""
        seen: dict[int, Person] = {}
        for outcome in self.rows:
            if outcome.person is not None and outcome.action in ("create", "match"):
                seen.setdefault(outcome.person.pk, outcome.person)
        return list(seen.values())

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.rows if outcome.action == action)

    @property
    def organisations(self) -> list[Organisation]:
        return self.organisations_created + self.organisations_matched

    @property
    def problems(self) -> list[tuple[RowOutcome, Finding]]:
        return [(outcome, problem) for outcome in self.rows for problem in outcome.problems]

    def as_json(self) -> dict:
        return {
            "people": len(self.people),
            "people_created": self.count("create"),
            "people_matched": self.count("match"),
            "organisations": len(self.organisations),
            "organisations_created": len(self.organisations_created),
            "duplicates": [
                {"row": o.row, "record": o.record, "duplicate_of_row": o.duplicate_of_row}
                for o in self.rows
                if o.action == "duplicate"
            ],
            "errors": [
                {
                    "row": o.row,
                    "record": o.record,
                    "message": message_for(problem),
                    "code": problem.code,
                    "rejected": o.action == "reject",
                }
                for o, problem in self.problems
            ],
        }


def message_for(problem: Finding) -> str:
    text = MESSAGES.get(problem.code)
    if text is None:
        return problem.code
    return str(text) % {k: str(v) for k, v in problem.params.items()}


class Directory:
    """The people and organisations already known, indexed by the parser's identity keys."""

    def __init__(self):
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation] = {}
        for organisation in Organisation.objects.all():
            self.add_organisation(organisation)
        for person in Person.objects.filter(erased_at__isnull=True).select_related("organisation"):
            self.add_person(person)

    def add_organisation(self, organisation: Organisation) -> None:
        for name in (organisation.name_en, organisation.name_km):
            if name:
                for k in people_list.organisation_key(name, organisation.acronym):
                    self.organisations.setdefault(k, organisation)

    def add_person(self, person: Person) -> None:
        for k in people_list.identity_keys(person_values(person)):
            self.people.setdefault(k, person)

    def find_person(self, keys: set[str]) -> Person | None:
        return next((self.people[k] for k in sorted(keys) if k in self.people), None)

    def find_organisation(self, keys: set[str]) -> Organisation | None:
        return next((self.organisations[k] for k in sorted(keys) if k in self.organisations), None)


def import_people(
    *,
    data: bytes,
    filename: str,
    actor,
    scope=None,
    mapping: dict[int, str] | None = None,
    country_code: str = "855",
    dry_run: bool = False,
) -> ImportReport:
    """Import a list; with `dry_run`, report what would happen and save nothing.

    Raises `ImportProblem` when the file as a whole cannot be read.
    """
    table = people_list.read_table(data, filename)
    rows = people_list.parse_rows(table, mapping, country_code=country_code)
    with transaction.atomic():
        report = apply_rows(rows)
        if dry_run:
            transaction.set_rollback(True)
        else:
            audit.record(
                action="people.imported",
                scope=scope,
                actor=actor,
                data={"file": filename, **{k: v for k, v in report.as_json().items() if isinstance(v, int)}},
            )
    return report


def apply_rows(rows: list[people_list.ParsedRow]) -> ImportReport:
    directory = Directory()
    report = ImportReport()
    first_row_of: dict[int, int] = {}  # person pk -> the row of this list that named them first
    for parsed in rows:
        outcome = RowOutcome(
            row=parsed.row,
            record=parsed.record,
            action="reject",
            values=parsed.values,
            problems=[*parsed.errors, *parsed.warnings],
        )
        report.rows.append(outcome)
        if not parsed.ok:
            continue
        organisation = organisation_for(parsed.values, directory, report)
        person = directory.find_person(people_list.identity_keys(parsed.values))
        if person is not None and person.pk in first_row_of:
            outcome.action, outcome.person = "duplicate", person
            outcome.duplicate_of_row = first_row_of[person.pk]
            continue
        if person is None:
            person = Person.objects.create(organisation=organisation, **model_fields(parsed.values))
            outcome.action = "create"
        else:
            fill_blanks(person, parsed.values, organisation)
            outcome.action = "match"
        outcome.person = person
        first_row_of[person.pk] = parsed.row
        directory.add_person(person)
    return report


def organisation_for(values: dict[str, str], directory: Directory, report: ImportReport):
    if not (values.get("organisation") or values.get("acronym")):
        return None
    keys = people_list.organisation_key(values.get("organisation", ""), values.get("acronym", ""))
    organisation = directory.find_organisation(keys)
    if organisation is None:
        name = fit(Organisation, "name_en", values.get("organisation") or values.get("acronym", ""))
        organisation = Organisation.objects.create(
            **{"name_km" if has_khmer(name) else "name_en": name},
            acronym=fit(Organisation, "acronym", values.get("acronym", "").upper()),
            type=values.get("organisation_type", ""),
        )
        report.organisations_created.append(organisation)
        directory.add_organisation(organisation)
    elif organisation not in report.organisations:
        report.organisations_matched.append(organisation)
    return organisation


def model_fields(values: dict[str, str]) -> dict[str, str]:
    """The row's values for a Person, cut to what each column holds (a list may have anything)."""
    return {model: fit(Person, model, values.get(name, "")) for name, model in FIELD_TO_MODEL.items()}


def fit(model, field: str, value: str) -> str:
    return value[: model._meta.get_field(field).max_length]


def fill_blanks(person: Person, values: dict[str, str], organisation: Organisation | None) -> None:
    """A known person keeps what Sala has; the list only fills what was missing."""
    changed = False
    for name, value in model_fields(values).items():
        if value and not getattr(person, name):
            setattr(person, name, value)
            changed = True
    if organisation is not None and person.organisation_id is None:
        person.organisation = organisation
        changed = True
    if changed:
        person.save()
