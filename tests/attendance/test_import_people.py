"""`sala import_people` on the secretariat's two messy lists: what EXPECTED.md describes."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sala.attendance.models import Invitation
from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.importers import people_list
from sala.importers.problems import ImportProblem
from sala.people.models import Organisation, Person
from tests.support.shared import SHARED

SAMPLES = SHARED / "samples" / "participants"
FILES = ["invitees.csv", "invitees-km-headers.xlsx"]
pytestmark = pytest.mark.skipif(not SAMPLES.exists(), reason="shared samples not present")


def run(*args) -> dict:
    out = StringIO()
    call_command("import_people", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize("name", FILES)
def test_sample_list_gives_68_people_and_16_organisations(name):
    report = run(str(SAMPLES / name))
    assert report["people"] == 68 == Person.objects.count()
    assert report["organisations"] == 16 == Organisation.objects.count()
    # The three repeats of earlier people are reported as duplicates, by record number.
    assert sorted(d["record"] for d in report["duplicates"]) == [67, 68, 69]
    rejected = [e for e in report["errors"] if e["rejected"]]
    assert [e["record"] for e in rejected] == [70]
    assert rejected[0]["row"] > 0 and str(rejected[0]["row"]) in rejected[0]["message"]
    codes = {(e["record"], e["code"]) for e in report["errors"]}
    assert {(69, "people.invalid_email"), (71, "people.invalid_email"), (71, "people.invalid_phone")} <= codes
    malis = Person.objects.get(name_en="Prak Malis")
    assert (malis.gender, malis.email, malis.phone, malis.organisation.type) == ("another", "", "", "cso")
    sokha = Person.objects.get(name_en="Heng Sokha")
    assert sokha.organisation.acronym == "KYDR"
    assert Organisation.objects.filter(acronym__iexact="KYDR").count() == 1
    assert set(Person.objects.values_list("gender", flat=True)) <= {"woman", "man", "another", ""}
    assert Person.objects.filter(name_en="Chan Visal", gender="").exists()  # empty is not a guess
    assert {
        p
        for p in Person.objects.exclude(phone="").values_list("phone", flat=True)
        if not p.startswith("+855")
    } == set()


@pytest.mark.django_db
def test_dry_run_saves_nothing_and_second_file_matches_the_first():
    assert run(str(SAMPLES / FILES[0]), "--dry-run")["people"] == 68
    assert Person.objects.count() == 0 and Organisation.objects.count() == 0
    assert not AuditEntry.objects.exists()
    run(str(SAMPLES / FILES[0]))
    again = run(str(SAMPLES / FILES[1]))
    assert (again["people_created"], again["people_matched"], again["organisations_created"]) == (0, 68, 0)
    assert Person.objects.count() == 68


@pytest.mark.django_db
def test_import_with_a_meeting_invites_everyone(demo_meeting):
    run(str(SAMPLES / FILES[0]), "--meeting", demo_meeting.slug, "--category", "observer")
    invitations = Invitation.objects.filter(meeting=demo_meeting, person__name_en="Chea Bopha")
    assert invitations.get().category == "observer"


@pytest.mark.django_db
def test_an_unreadable_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "list.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a spreadsheet")
    with pytest.raises(ImportProblem) as problem:
        people_list.read_table(broken.read_bytes(), broken.name)
    with pytest.raises(CommandError) as error:
        run(str(broken))
    assert str(error.value) == DomainError(problem.value.code, **problem.value.params).message
    assert Person.objects.count() == 0


@pytest.mark.django_db
def test_overlong_cells_are_cut_to_fit(tmp_path):
    listing = tmp_path / "long.csv"
    row = ",".join(("N" * 300, "O" * 300, "A" * 40, "P" * 300))
    listing.write_text(f"Name,Organisation,Acronym,Position\n{row}\n")
    assert run(str(listing))["people"] == 1
    person = Person.objects.get()
    assert (len(person.name_en), len(person.position), len(person.organisation.acronym)) == (200, 200, 30)
