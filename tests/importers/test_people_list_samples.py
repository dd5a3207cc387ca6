"""The two sample lists of ../shared/samples/participants, against what EXPECTED.md says."""

import pytest

from sala.importers.people_list import FIELDS, identity_keys, normalise_phone, organisation_key

from .test_people_list_support import (
    CSV,
    XLSX,
    assert_message_renders,
    organisation_count,
    parsed,
    people_count,
    read,
)

if not CSV.exists():
    pytest.skip("shared samples not present", allow_module_level=True)

HEADER_ROW = {CSV: 1, XLSX: 3}
GENDERS = {
    **dict.fromkeys(["M", "m", "Male", "male", "ប្រុស"], "man"),
    **dict.fromkeys(["F", "f", "Female", "female", "ស្រី"], "woman"),
    "Other": "another",
    "": "",
}

samples = pytest.mark.parametrize("path", [CSV, XLSX], ids=["csv", "xlsx"])


def by_name(rows, name: str):
    return [row for row in rows if row.values["name_latin"] == name]


@samples
def test_header_is_found_and_every_column_understood(path):
    table = read(path)
    assert table.header_row == HEADER_ROW[path]
    assert len(table.rows) == 72
    assert len(table.mapping) == 9 == len(table.headers)
    assert sorted(table.mapping.values()) == sorted(set(FIELDS) - {"title"})


def test_both_samples_give_the_same_people_whatever_their_column_order():
    assert [row.values for row in parsed(CSV)] == [row.values for row in parsed(XLSX)]


@samples
def test_the_nameless_row_is_the_only_error_and_says_its_row_number(path):
    rows = parsed(path)
    failed = [row for row in rows if not row.ok]
    assert [(row.record, row.row) for row in failed] == [(70, 70 + HEADER_ROW[path])]
    assert [finding.code for finding in failed[0].errors] == ["people.no_name"]
    assert failed[0].errors[0].params["row"] == failed[0].row


@samples
def test_genders_are_normalised_and_an_empty_one_is_not_guessed(path):
    table = read(path)
    column = next(index for index, field in table.mapping.items() if field == "gender")
    said = [cells[column] for _, cells in table.rows]
    assert set(said) == set(GENDERS)
    assert [row.values["gender"] for row in parsed(path)] == [GENDERS[text] for text in said]


@samples
def test_phones_have_one_form(path):
    assert normalise_phone("012 345 678") == normalise_phone("+855 12 345 678") == "+85512345678"
    assert normalise_phone("012345678") == "+85512345678"
    phones = [row.values["phone"] for row in parsed(path) if row.values["phone"]]
    assert len(phones) == 69
    assert all(phone.startswith("+855") and phone[1:].isdigit() for phone in phones)
    assert by_name(parsed(path), "Heng Sokha")[0].values["phone"] == "+85512345678"


@samples
def test_prak_malis_is_imported_with_her_problems_reported(path):
    (row,) = by_name(parsed(path), "Prak Malis")
    assert row.ok
    assert row.values["organisation_type"] == "cso"
    assert row.values["gender"] == "another"
    assert row.values["email"] == row.values["phone"] == ""
    assert [(w.code, w.params["value"]) for w in row.warnings] == [
        ("people.type_mapped", "NGO"),
        ("people.invalid_email", "malis@example"),
        ("people.invalid_phone", "abc"),
    ]
    for finding in row.warnings:
        assert finding.params["row"] == row.row
        assert_message_renders(finding.code, finding.params)


@samples
def test_heng_sokha_works_at_kydr(path):
    rows = parsed(path)
    (sokha,) = by_name(rows, "Heng Sokha")
    assert sokha.values["organisation"] == "Khmer Youth for Digital Rights"
    sokha_keys = organisation_key(sokha.values["organisation"], sokha.values["acronym"])
    assert sokha_keys & organisation_key("Khmer Youth for Digital Rights (KYDR)")
    kydr = by_name(rows, "Meas Sokha")[0].values
    assert sokha_keys & organisation_key(kydr["organisation"], kydr["acronym"])


@samples
def test_repeated_people_share_a_key_with_their_first_row(path):
    rows = parsed(path)
    first_66 = set().union(*(identity_keys(row.values) for row in rows[:66]))
    copy, capitals, bad_email = rows[66:69]
    assert copy.values == next(row.values for row in rows[:66] if row.values["name_latin"] == "Noun Samnang")
    assert capitals.values["name_latin"] == "PHAN SOPHEAP" and capitals.values["phone"] == ""
    assert bad_email.values["email"] == "" and bad_email.warnings[0].code == "people.invalid_email"
    for row in (copy, capitals, bad_email):
        assert identity_keys(row.values) & first_66, row.values["name_latin"]


@samples
def test_68_people_and_16_organisations(path):
    rows = parsed(path)
    assert people_count(rows[:66]) == 66
    assert people_count(rows) == 68
    assert organisation_count(rows) == 16
