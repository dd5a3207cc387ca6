"""The fields outside the agenda: title, dates, hours, venue, lists, participants, and the layering rule."""

import ast
import re
from pathlib import Path

import pytest

from sala.core.errors import MESSAGES
from sala.importers.concept_note import parse_concept_note

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "sala" / "importers" / "concept_note"


def read(text: str) -> dict:
    return parse_concept_note(text.encode(), "note.txt")


def test_the_title_comes_after_the_document_type_and_a_wrapped_title_is_joined():
    draft = read(
        "Cooperation Committee\nCONCEPT NOTE\n\n"
        "National Forum on the Draft Law\non Public Health\n\nDate: 3 May 2022"
    )
    assert draft["title"] == "National Forum on the Draft Law on Public Health"
    assert read("Concept note on the Annual Review of the Land Law\nDate: 3 May 2022")["title"] == (
        "the Annual Review of the Land Law"
    )
    assert read("Title: “Open Day”\nConcept Note\nSomething else")["title"] == "Open Day"


def test_no_title_is_a_warning_not_a_guess():
    draft = read("Date: 3 May 2022\nVenue: Room 1, #12 Street 5, Phnom Penh")
    assert draft["title"] == ""
    assert "concept_note.title_missing" in [w["code"] for w in draft["warnings"]]


def test_date_and_time_lines_give_the_meeting_window():
    draft = read("Forum\nDate and time: Tuesday, 3 May 2022, 1:30 - 5:00 pm\n")
    assert (draft["dates"], draft["start"], draft["end"]) == (["2022-05-03"], "13:30", "17:00")


def test_an_unreadable_date_is_a_warning_pointing_at_its_line():
    draft = read("Forum\n\nDate: sometime next spring\n")
    assert draft["dates"] == []
    assert draft["warnings"][0] == {
        "code": "concept_note.date_unreadable",
        "line": 3,
        "field": "dates",
        "text": "sometime next spring",
    }


def test_an_ambiguous_numeric_date_is_flagged():
    draft = read("Forum\nDate: 03/04/2022\n")
    assert draft["dates"] == ["2022-04-03"]
    assert [w["code"] for w in draft["warnings"]][:1] == ["concept_note.date_ambiguous"]


def test_venue_name_address_and_phones_keep_their_written_form():
    draft = read(
        "Forum\nVenue: Riverside Hotel, Room 2, #88, Street 108, Sangkat Wat Phnom,\n"
        "Khan Daun Penh, Phnom Penh. Tel: 012 345 678 / (023) 456 789\nContact: Mr. Ly, +855 17 222 333\n"
    )
    assert draft["venue"] == {
        "name": "Riverside Hotel, Room 2",
        "address": "#88, Street 108, Sangkat Wat Phnom, Khan Daun Penh, Phnom Penh",
        "phones": ["012 345 678", "(023) 456 789", "+855 17 222 333"],
    }


def test_an_unlabelled_address_line_under_the_title_is_the_venue():
    draft = read(
        "Concept Note\nForum on the Draft Law\n"
        "Town hall (No. 5, Village 3, Kampot Province)\n\n1. Background\nText."
    )
    assert (draft["venue"]["name"], draft["venue"]["address"]) == (
        "Town hall",
        "No. 5, Village 3, Kampot Province",
    )


def test_lists_with_markers_lead_ins_and_wrapped_lines():
    draft = read(
        "Forum\n\nII. Objectives\nThe forum aims to:\n"
        "i) share the findings of the\nstudy;\nii) agree on a statement.\n\n"
        "III. Expected outcomes\n• A statement is agreed\n• A road map\n"
    )
    assert draft["objectives"] == ["share the findings of the study", "agree on a statement"]
    assert draft["expected_outcomes"] == ["A statement is agreed", "A road map"]


def test_a_purpose_and_objectives_heading_holds_the_objectives():
    draft = read("Forum\n\n2. Purpose and objectives\n- To inform\n- To consult\n3. Methodology\n- Talks\n")
    assert draft["objectives"] == ["To inform", "To consult"]


def test_khmer_sections_and_participants():
    draft = read(
        "កិច្ចប្រជុំ\n\n១. គោលបំណង\n១. ចែករំលែក\n២. ប្រមូល\n៣. ពិភាក្សា\n\n"
        "២. អ្នកចូលរួម\nអ្នកចូលរួមចំនួន ៦០ នាក់ មកពីសហគមន៍ និងអាជ្ញាធរ។\n"
    )
    assert len(draft["objectives"]) == 3
    assert draft["participants"] == {"min": 60, "max": 60, "categories": ["សហគមន៍", "អាជ្ញាធរ"]}
    assert draft["language"] == "km"


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Between 25 and 30 participants will attend.", 25, 30),
        ("A maximum of 45 people, from unions.", None, 45),
        ("At least 20 participants.", 20, None),
        ("The 2 days will bring together 70 participants.", 70, 70),
        ("Participants will come from all provinces.", None, None),
    ],
)
def test_participant_targets(sentence, low, high):
    participants = read(f"Forum\n\nParticipants\n{sentence}\n")["participants"]
    assert (participants["min"], participants["max"]) == (low, high)


def test_a_heading_needs_the_shape_of_a_heading():
    draft = read(
        "Forum\n\nExpected results\nParticipants understand the law\nResults are shared with the ministry\n\n"
        "Participants: 40 to 50 from CSOs\n"
    )
    assert draft["expected_outcomes"] == [
        "Participants understand the law",
        "Results are shared with the ministry",
    ]
    assert (draft["participants"]["min"], draft["participants"]["max"]) == (40, 50)


def test_the_draft_has_the_documented_shape():
    draft = read("Forum\nDate: 3 May 2022\n\nAgenda\n08:00-09:00 Opening - Mr. Sam Ol, Chair\n")
    assert list(draft) == [
        "title",
        "language",
        "dates",
        "start",
        "end",
        "venue",
        "introduction",
        "objectives",
        "expected_outcomes",
        "participants",
        "agenda_note",
        "agenda",
        "warnings",
    ]
    assert set(draft["venue"]) == {"name", "address", "phones"}
    assert set(draft["participants"]) == {"min", "max", "categories"}
    item = draft["agenda"][0]
    assert set(item) == {"date", "start", "end", "kind", "title", "sub_items", "facilitators"}
    assert item["kind"] in {"registration", "opening", "session", "break", "group_work", "plenary", "closing"}
    assert set(item["facilitators"][0]) == {"name", "role", "tbc"}


def test_every_code_the_parser_can_report_has_a_message():
    source = " ".join(path.read_text() for path in PACKAGE.glob("*.py"))
    found = set(re.findall(r"\"((?:concept_note|document)\.[a-z_]+)\"", source))
    assert "concept_note.time_unreadable" in found and "document.too_many_pages" in found
    assert found - set(MESSAGES) == set()


def test_the_parser_imports_no_sala_app():
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("sala.") or node.module.startswith("sala.importers"), path
