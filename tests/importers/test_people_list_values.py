"""Headers, cell values and identity keys, one rule at a time."""

import pytest

from sala.importers.people_list import (
    identity_keys,
    normalise_phone,
    organisation_key,
    parse_rows,
    read_table,
)
from sala.importers.people_list.headers import detect_mapping, header_field
from sala.importers.people_list.reading import Table

from .test_people_list_support import assert_message_renders


def one_row(header: list[str], cells: list[str]):
    (row,) = parse_rows(Table(1, header, detect_mapping(header, [cells]), [(2, cells)]))
    for finding in row.errors + row.warnings:
        assert_message_renders(finding.code, finding.params)
    return row


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Name (Latin)", "name_latin"),
        ("Name in English", "name_latin"),
        ("ឈ្មោះឡាតាំង", "name_latin"),
        ("Name (Khmer)", "name_khmer"),
        ("ឈ្មោះជាអក្សរខ្មែរ", "name_khmer"),
        ("Full name", "name"),
        ("ឈ្មោះ", "name"),
        ("  SEX ", "gender"),
        ("ភេទ", "gender"),
        ("Organization", "organisation"),
        ("Name of organisation", "organisation"),
        ("ឈ្មោះស្ថាប័ន", "organisation"),
        ("អង្គការ", "organisation"),
        ("Acronym", "acronym"),
        ("អក្សរកាត់", "acronym"),
        ("Type", "organisation_type"),
        ("Organisation type", "organisation_type"),
        ("ប្រភេទស្ថាប័ន", "organisation_type"),
        ("Job title", "position"),
        ("Title", "position"),
        ("មុខតំណែង", "position"),
        ("Honorific", "title"),
        ("E-mail", "email"),
        ("អ៊ីមែល", "email"),
        ("Tel.", "phone"),
        ("Mobile phone", "phone"),
        ("លេខទូរស័ព្ទ", "phone"),
        ("No.", None),
        ("ល.រ", None),
        ("Signature", None),
    ],
)
def test_headers_in_english_or_khmer(header, field):
    assert header_field(header) == field


def test_header_anywhere_in_the_first_rows_and_any_column_order():
    data = "Consultation on the Cybercrime Law\nParticipant list\n\nល.រ,អ៊ីមែល,ឈ្មោះ\n1,a@example.org,ជា បុប្ផា\n"
    table = read_table(data.encode(), "list.csv")
    assert table.header_row == 4
    assert table.mapping == {1: "email", 2: "name_khmer"}


def test_a_name_column_follows_the_script_of_its_names():
    header = ["Name (Latin)", "Name (Khmer)"]
    assert detect_mapping(header, [["ជា បុប្ផា", "Chea Bopha"]]) == {0: "name_khmer", 1: "name_latin"}
    row = one_row(["Name", "Email"], ["ជា បុប្ផា", ""])
    assert (row.values["name_latin"], row.values["name_khmer"]) == ("", "ជា បុប្ផា")


def test_one_name_column_with_both_scripts_is_split():
    row = one_row(["Full name", "Gender"], ["  Chea   Bopha (ជា បុប្ផា) ", "F"])
    assert (row.values["name_latin"], row.values["name_khmer"]) == ("Chea Bopha", "ជា បុប្ផា")


def test_a_title_column_of_honorifics_is_the_title():
    assert detect_mapping(["Title", "Name"], [["Mr.", "Chea"], ["H.E.", "Sok"]]) == {
        0: "title",
        1: "name_latin",
    }
    assert detect_mapping(["Title", "Name"], [["Lecturer", "Chea"], ["Dr", "Sok"]]) == {
        0: "position",
        1: "name_latin",
    }


@pytest.mark.parametrize(
    ("name", "title", "latin", "khmer"),
    [
        ("Mr. Chea Bopha", "mr", "Chea Bopha", ""),
        ("H.E. Sok Dara", "he", "Sok Dara", ""),
        ("Dr Sok Dara", "dr", "Sok Dara", ""),
        ("He Sokha", "", "He Sokha", ""),
        ("ឯកឧត្តម សុខ ដារ៉ា", "he", "", "សុខ ដារ៉ា"),
        ("លោកស្រី ស្រីមុំ", "mrs", "", "ស្រីមុំ"),
        ("លោក ចាន់ វណ្ណៈ", "mr", "", "ចាន់ វណ្ណៈ"),
        ("កញ្ញា ណារី", "ms", "", "ណារី"),
        ("Mr. / លោក ចាន់ វណ្ណៈ", "mr", "", "ចាន់ វណ្ណៈ"),
    ],
)
def test_title_written_before_the_name_is_taken_off(name, title, latin, khmer):
    row = one_row(["Name", "Phone"], [name, ""])
    assert (row.values["title"], row.values["name_latin"], row.values["name_khmer"]) == (title, latin, khmer)


def test_title_column_wins_and_an_unknown_title_is_dropped_with_a_warning():
    assert one_row(["Honorific", "Name"], ["Ms", "Dr Sok Dara"]).values["title"] == "ms"
    row = one_row(["Honorific", "Name"], ["Prof.", "Sok Dara"])
    assert row.values["title"] == ""
    assert [w.code for w in row.warnings] == ["people.unknown_title"]


@pytest.mark.parametrize(
    ("said", "gender", "warned"),
    [
        ("F", "woman", False),
        ("Female (ស្រី)", "woman", False),
        ("ប្រុស", "man", False),
        ("Other", "another", False),
        ("ផ្សេងទៀត", "another", False),
        ("", "", False),
        ("-", "", False),
        ("N/A", "", False),
        ("F/M", "", True),
        ("yes", "", True),
    ],
)
def test_gender_is_never_guessed(said, gender, warned):
    row = one_row(["Name", "Sex"], ["Chea Bopha", said])
    assert row.values["gender"] == gender
    assert [w.code for w in row.warnings] == (["people.unknown_gender"] if warned else [])


@pytest.mark.parametrize(
    ("said", "kind", "warning"),
    [
        ("CSO", "cso", None),
        ("Civil society organisation", "cso", None),
        ("Private sector", "private", None),
        ("development_partner", "development_partner", None),
        ("NGO", "cso", "people.type_mapped"),
        ("Non-governmental organisation", "cso", "people.type_mapped"),
        ("Trade union", "cso", "people.type_mapped"),
        ("Bar association", "legal", "people.type_mapped"),
        ("Journalists' association", "media", "people.type_mapped"),
        ("University", "academia", "people.type_mapped"),
        ("Research institute", "academia", "people.type_mapped"),
        ("Ministry", "government", "people.type_mapped"),
        ("Local authority", "government", "people.type_mapped"),
        ("Company", "private", "people.type_mapped"),
        ("Embassy", "development_partner", "people.type_mapped"),
        ("UN agency", "development_partner", "people.type_mapped"),
        ("Press", "media", "people.type_mapped"),
        ("អង្គការមិនមែនរដ្ឋាភិបាល", "cso", "people.type_mapped"),
        ("អង្គការសង្គមស៊ីវិល", "cso", None),
        ("សាកលវិទ្យាល័យ", "academia", "people.type_mapped"),
        ("ក្រសួង", "government", "people.type_mapped"),
        ("រដ្ឋាភិបាល", "government", None),
        ("វិស័យឯកជន", "private", None),
        ("ដៃគូអភិវឌ្ឍន៍", "development_partner", None),
        ("ប្រព័ន្ធផ្សព្វផ្សាយ", "media", None),
        ("សារព័ត៌មាន", "media", "people.type_mapped"),
        ("មេធាវី", "legal", "people.type_mapped"),
        ("Farmers", "", "people.unknown_type"),
    ],
)
def test_organisation_types(said, kind, warning):
    row = one_row(["Name", "Type"], ["Chea Bopha", said])
    assert row.values["organisation_type"] == kind
    assert [w.code for w in row.warnings] == ([warning] if warning else [])


def test_organisation_with_its_acronym_in_brackets():
    row = one_row(["Name", "Organisation"], ["Chea Bopha", " Khmer Youth for  Digital Rights (KYDR) "])
    assert (row.values["organisation"], row.values["acronym"]) == ("Khmer Youth for Digital Rights", "KYDR")
    row = one_row(["Name", "Organisation"], ["Chea Bopha", "Women's Voice (Cambodia)"])
    assert (row.values["organisation"], row.values["acronym"]) == ("Women's Voice (Cambodia)", "")


@pytest.mark.parametrize(
    ("said", "email", "code"),
    [
        (" Bopha.Chea@RDF.example.org ", "bopha.chea@rdf.example.org", None),
        ("mailto:a@example.org", "a@example.org", None),
        ("not-an-email", "", "people.invalid_email"),
        ("malis@example", "", "people.invalid_email"),
        ("a@example..org", "", "people.invalid_email"),
        ("a@example.org; b@example.org", "a@example.org", "people.several_values"),
    ],
)
def test_emails(said, email, code):
    row = one_row(["Name", "Email"], ["Chea Bopha", said])
    assert row.values["email"] == email
    assert [w.code for w in row.warnings] == ([code] if code else [])


@pytest.mark.parametrize(
    "said",
    [
        "012 345 678",
        "012345678",
        "012-345-678",
        "+855 12 345 678",
        "+855 (0)12 345 678",
        "(+855) 12 345 678",
        "00855 12 345 678",
        "85512345678",
        "12345678",
        "12345678.0",
        "០១២ ៣៤៥ ៦៧៨",
    ],
)
def test_phones_in_every_form_are_one_number(said):
    assert normalise_phone(said) == "+85512345678"


@pytest.mark.parametrize(
    "said", ["", "abc", "012", "012 345 678 ext 2", "+", "0012", "+0 12345678", "1234567890123"]
)
def test_not_phones(said):
    assert normalise_phone(said) is None


def test_phones_elsewhere():
    assert normalise_phone("097 1234 567") == "+855971234567"
    assert normalise_phone("+66 81 234 5678") == "+66812345678"
    assert normalise_phone("081 234 5678", country_code="66") == "+66812345678"


def test_several_phones_keep_the_first_and_an_invalid_one_is_dropped():
    row = one_row(["Name", "Phone"], ["Chea Bopha", "012 345 678 / 097 1234 567"])
    assert row.values["phone"] == "+85512345678"
    assert [(w.code, w.params["kept"]) for w in row.warnings] == [("people.several_values", "+85512345678")]
    row = one_row(["Name", "Phone"], ["Chea Bopha", "call the office"])
    assert row.values["phone"] == ""
    assert [w.code for w in row.warnings] == ["people.invalid_phone"]


def test_a_row_without_any_name_is_an_error_and_keeps_its_other_values():
    row = one_row(["Name (Latin)", "Name (Khmer)", "Organisation"], ["", " - ", "RDF"])
    assert not row.ok
    assert [(e.code, e.params) for e in row.errors] == [("people.no_name", {"row": 2})]
    assert row.values["organisation"] == "RDF"


def test_an_edited_mapping_is_used_and_a_field_sala_lacks_is_refused():
    table = Table(1, ["A", "B"], {}, [(2, ["Chea Bopha", "bopha@example.org"])])
    (row,) = parse_rows(table, {0: "name_latin", 1: "email"})
    assert row.ok and row.values["email"] == "bopha@example.org"
    with pytest.raises(ValueError):
        parse_rows(table, {0: "nickname"})


def test_identity_ignores_case_spacing_punctuation_and_digit_script():
    first = {"name_latin": "Chea Bopha", "organisation": "RDF", "phone": "012345678", "email": "A@Ex.org"}
    assert identity_keys({"phone": "០១២ ៣៤៥ ៦៧៨"}) == identity_keys({"phone": "012345678"})
    assert identity_keys({"phone": "០១២ ៣៤៥ ៦៧៨"}) == {"phone:+85512345678"}
    assert identity_keys({"email": " a@EX.org "}) & identity_keys(first)
    again = {"name_latin": "CHEA  BOPHA.", "organisation": "rdf"}
    assert identity_keys(again) & identity_keys(first)
    khmer = {"name_khmer": "ជា បុប្ផា ២", "organisation": "RDF"}
    assert identity_keys(khmer) == identity_keys({"name_khmer": "ជាបុប្ផា 2", "organisation": " R.D.F "})


def test_a_name_alone_identifies_nobody():
    assert identity_keys({"name_latin": "Chea Bopha"}) == set()
    other_org = {"name_latin": "Chea Bopha", "organisation": "MOI"}
    assert not identity_keys(other_org) & identity_keys({"name_latin": "Chea Bopha", "organisation": "RDF"})


def test_organisation_keys():
    kydr = organisation_key("Khmer Youth for Digital Rights (KYDR)")
    assert kydr == {"khmeryouthfordigitalrights", "acr:kydr"}
    assert organisation_key("khmer youth for digital rights ", "kydr") == kydr
    assert organisation_key("KYDR") & kydr
    assert organisation_key("", "KYDR") == {"acr:kydr"}
    assert organisation_key("  ") == set()
    assert not organisation_key("Rural Development Forum", "RDF") & kydr
