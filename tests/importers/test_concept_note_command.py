"""`sala import_concept_note FILE [--json]`."""

import json

import pytest
from django.core.management import CommandError, call_command

from .test_concept_note_samples import SAMPLES

NOTE = (
    "Concept Note\nRound-table on the Draft Law on Public Health\nDate: 3 May 2022\n"
    "Venue: Room 2, #12 Street 51, Phnom Penh. Tel: 012 345 678\n\n"
    "Agenda\n08:00 - 08:30 | Registration | Secretariat\n08:30 - 09:30 | ការពិភាក្សា | លោក សុខ ហេង (tbc)\n"
    "10:00 - 09:45 | Backwards | All\n"
)


@pytest.fixture
def note(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def test_json_is_the_draft_with_khmer_kept_as_written(note, capsys):
    call_command("import_concept_note", str(note), "--json")
    out = capsys.readouterr().out
    assert "លោក សុខ ហេង" in out  # ensure_ascii=False
    draft = json.loads(out)
    assert draft["title"] == "Round-table on the Draft Law on Public Health"
    assert [(i["start"], i["end"]) for i in draft["agenda"]] == [("08:00", "08:30"), ("08:30", "09:30")]
    assert draft["agenda"][1]["facilitators"] == [{"name": "លោក សុខ ហេង", "role": "", "tbc": True}]
    assert draft["warnings"] == [
        {"code": "concept_note.time_reversed", "line": 9, "field": "agenda", "text": "10:00 - 09:45"}
    ]
    assert out.startswith('{\n  "title"')  # indented by 2


def test_the_summary_lists_the_agenda_and_the_warnings_in_words(note, capsys):
    call_command("import_concept_note", str(note))
    out = capsys.readouterr().out
    assert "Round-table on the Draft Law on Public Health" in out
    assert "2022-05-03 08:30–09:30 ការពិភាក្សា  លោក សុខ ហេង (tbc)" in out
    assert "Line 9: the time “10:00 - 09:45” ends before it starts, so it was not imported." in out


def test_an_unreadable_file_is_a_command_error_with_the_message(tmp_path):
    path = tmp_path / "note.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="The file could not be read"):
        call_command("import_concept_note", str(path))


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_concept_note", str(tmp_path / "nowhere.pdf"))


def test_a_sample_docx_from_the_command_line(capsys):
    path = SAMPLES / "04-cybersecurity-regional.docx"
    if not path.exists():
        pytest.skip("no samples folder")
    call_command("import_concept_note", str(path), "--json")
    assert len(json.loads(capsys.readouterr().out)["agenda"]) == 11
