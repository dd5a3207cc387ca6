"""Agendas read by their shape: times, titles, honorifics, days, and PDF text's scattered cells."""

from sala.importers.concept_note import parse_concept_note

HEAD = "Concept Note\nRound-table on the Draft Law on Public Health\nDate: 3 May 2022\n\n1. Agenda\n"


def read(agenda: str, head: str = HEAD) -> dict:
    return parse_concept_note((head + agenda).encode(), "note.txt")


def rows(draft: dict) -> list[tuple]:
    return [(item["start"], item["end"], item["title"]) for item in draft["agenda"]]


def people(item: dict) -> list[tuple]:
    return [(f["name"], f["role"], f["tbc"]) for f in item["facilitators"]]


def codes(draft: dict) -> list[str]:
    return [w["code"] for w in draft["warnings"]]


def test_columns_apart_by_spaces_and_names_by_their_honorific():
    draft = read(
        "09:00 - 09:30   Morning coffee                Host team\n"
        "09:30 - 10:00 Opening speech by H.E. Minister Vong Sam, Ministry of Health (TBC)\n"
        "10:00-10:45 Findings of the survey – Prof. Lina Kovac, University of Zagreb\n"
        "10:45-11:30 Debate on article 12 Dr. Sok Heng, Physician to be confirmed\n"
    )
    assert rows(draft) == [
        ("09:00", "09:30", "Morning coffee"),
        ("09:30", "10:00", "Opening speech"),
        ("10:00", "10:45", "Findings of the survey"),
        ("10:45", "11:30", "Debate on article 12"),
    ]
    agenda = draft["agenda"]
    assert people(agenda[0]) == [("Host team", "", False)]
    assert people(agenda[1]) == [("H.E. Minister Vong Sam", "Ministry of Health", True)]
    assert people(agenda[2]) == [("Prof. Lina Kovac", "University of Zagreb", False)]
    assert people(agenda[3]) == [("Dr. Sok Heng", "Physician", True)]
    assert [item["kind"] for item in agenda] == ["break", "opening", "session", "session"]
    assert draft["warnings"] == []


def test_pdf_text_scatters_cells_over_lines_and_a_role_runs_into_the_next_row():
    draft = read(
        "Hours\n\nTopic\n\nLed by\n\n"
        "8:00-8:30 am\n\nWelcome\n\nMrs. Keo Rany,\n\n"
        "8:30-9:45 am\n\nThe draft article by article\n- Scope and definitions of the\nlaw\n"
        "- Penalties\nOpen discussion\n\nProgramme Director\nMr. Tan Bo,\nHealth Lawyer (tbc)\n\n"
        "9:45-10:00 am\n\nTea\n\nEveryone\n"
    )
    assert rows(draft) == [
        ("08:00", "08:30", "Welcome"),
        ("08:30", "09:45", "The draft article by article"),
        ("09:45", "10:00", "Tea"),
    ]
    welcome, articles, tea = draft["agenda"]
    assert people(welcome) == [("Mrs. Keo Rany", "Programme Director", False)]
    assert articles["sub_items"] == ["Scope and definitions of the law", "Penalties", "Open discussion"]
    assert people(articles) == [("Mr. Tan Bo", "Health Lawyer", True)]
    assert people(tea) == [("Everyone", "", False)] and tea["kind"] == "break"


def test_without_blank_lines_the_run_on_role_is_the_line_above_the_first_name():
    draft = read(
        "10:00-10:30\nOpening\nMs. Lim Chanthy,\n"
        "10:30-11:30\nPanel on patient data\nDeputy Director of the Clinic\nMr. Eng Kosal, Doctor\n"
    )
    opening, panel = draft["agenda"]
    assert people(opening) == [("Ms. Lim Chanthy", "Deputy Director of the Clinic", False)]
    assert panel["title"] == "Panel on patient data" and panel["sub_items"] == []
    assert people(panel) == [("Mr. Eng Kosal", "Doctor", False)]


def test_a_time_suffix_or_the_end_time_on_the_next_line_is_joined():
    draft = read("2:00-3:00\npm Working groups All\n3:00 -\n3:30\npm Lunch Everyone\n")
    assert rows(draft) == [("14:00", "15:00", "Working groups"), ("15:00", "15:30", "Lunch")]
    assert draft["agenda"][0]["kind"] == "group_work"
    assert people(draft["agenda"][0]) == [("All", "", False)]


def test_several_people_in_one_cell_and_labels_before_names():
    draft = read(
        "08:00 - 09:00 | Panel | Moderator: Ms. Sao Leak; Mr. Ros Bun, Judge and Lok Srey Chea Mony (tbc)\n"
    )
    assert people(draft["agenda"][0]) == [
        ("Ms. Sao Leak", "Moderator", False),
        ("Mr. Ros Bun", "Judge", False),
        ("Lok Srey Chea Mony", "", True),
    ]


def test_a_facilitator_marked_but_not_named_is_a_warning():
    draft = read("08:00 - 09:00 | Keynote | TBC\n09:00 - 09:30 | Q&A | TBD\n")
    assert people(draft["agenda"][0]) == [] and people(draft["agenda"][1]) == []
    assert codes(draft) == ["concept_note.facilitator_unnamed"] * 2
    assert draft["warnings"][0]["line"] == 6


def test_day_headings_set_the_date_of_the_items_under_them():
    draft = read(
        "DAY ONE – Monday 2 May 2022\n08:00-09:00 Opening\n"
        "Tuesday, 3 May 2022\n08:00-09:00 Groups\n"
        "ថ្ងៃទី៣\n08:00-09:00 Closing\n",
        head="Concept Note\nRetreat\nDate: 2-4 May 2022\n\n1. Agenda\n",
    )
    assert draft["dates"] == ["2022-05-02", "2022-05-03", "2022-05-04"]
    assert [item["date"] for item in draft["agenda"]] == ["2022-05-02", "2022-05-03", "2022-05-04"]


def test_a_day_whose_date_is_unknown_leaves_its_items_undated_with_a_warning():
    draft = read(
        "Day 1\n08:00-09:00 Opening\nDay 2\n08:00-09:00 Closing\n", head="Concept Note\nRetreat\n\nAgenda\n"
    )
    assert [item["date"] for item in draft["agenda"]] == [None, None]
    assert codes(draft) == [
        "concept_note.date_missing",
        "concept_note.day_unknown",
        "concept_note.day_unknown",
    ]


def test_without_day_headings_a_clock_going_back_starts_the_next_listed_day():
    draft = read(
        "08:00-12:00 Reading\n13:00-17:00 Writing\n08:00-12:00 Review\n",
        head="Concept Note\nRetreat\nDate: 9 and 10 June 2022\n\nAgenda\n",
    )
    assert [item["date"] for item in draft["agenda"]] == ["2022-06-09", "2022-06-09", "2022-06-10"]


def test_a_reversed_or_unreadable_time_drops_its_item_and_its_lines_with_a_warning():
    draft = read(
        "08:00-09:00 Opening\nMr. Pen Sovann\n"
        "10:00-09:30 Backwards\nMs. Not Kept\n"
        "25:00-26:00 Nonsense\nDr. Also Not Kept\n"
        "09:30-10:00 Closing\n"
    )
    assert rows(draft) == [("08:00", "09:00", "Opening"), ("09:30", "10:00", "Closing")]
    assert people(draft["agenda"][0]) == [("Mr. Pen Sovann", "", False)]
    assert codes(draft) == ["concept_note.time_reversed", "concept_note.time_unreadable"]
    assert [w["line"] for w in draft["warnings"]] == [8, 10]
    assert draft["warnings"][0] == {
        "code": "concept_note.time_reversed",
        "line": 8,
        "field": "agenda",
        "text": "10:00-09:30 Backwards",
    }


def test_an_afternoon_written_without_pm_is_read_so_and_flagged():
    draft = read("11:00 - 12:00 Talks\n12:00 - 1:00 Lunch\n1:00 - 2:30 Groups\n")
    assert rows(draft)[1:] == [("12:00", "13:00", "Lunch"), ("13:00", "14:30", "Groups")]
    assert codes(draft) == ["concept_note.time_afternoon_assumed"]


def test_lone_start_times_end_when_the_next_item_starts():
    draft = read(
        "08:00 Registration\n08:30 Opening\n10:00 Close\n",
        head="Concept Note\nRound-table\nDate: 3 May 2022\nTime: 8:00 - 10:30\n\nAgenda\n",
    )
    assert rows(draft) == [
        ("08:00", "08:30", "Registration"),
        ("08:30", "10:00", "Opening"),
        ("10:00", "10:30", "Close"),
    ]
    assert codes(draft) == ["concept_note.end_time_inferred"] * 3


def test_a_lone_last_start_time_without_meeting_end_is_dropped_with_a_warning():
    draft = read("08:00 Registration\n08:30 Opening\n")
    assert rows(draft) == [("08:00", "08:30", "Registration")]
    assert codes(draft) == ["concept_note.end_time_inferred", "concept_note.end_time_missing"]


def test_khmer_agenda_with_honorifics_and_tbc():
    draft = read(
        "ម៉ោង ៨:០០ - ៩:០០ ព្រឹក\tបើកកិច្ចប្រជុំ\tឯកឧត្តម ជា សុខា (មិនទាន់បញ្ជាក់)\n"
        "ម៉ោង ៩:០០ - ៩:១៥ ព្រឹក\tសម្រាក\t\n"
        "ម៉ោង ២:០០ - ៣:០០ រសៀល\tអាហារថ្ងៃត្រង់\tបណ្ឌិត កែវ ដារា\n"
    )
    assert rows(draft) == [
        ("08:00", "09:00", "បើកកិច្ចប្រជុំ"),
        ("09:00", "09:15", "សម្រាក"),
        ("14:00", "15:00", "អាហារថ្ងៃត្រង់"),
    ]
    assert [item["kind"] for item in draft["agenda"]] == ["opening", "break", "break"]
    assert people(draft["agenda"][0]) == [("ឯកឧត្តម ជា សុខា", "", True)]
    assert people(draft["agenda"][2]) == [("បណ្ឌិត កែវ ដារា", "", False)]


def test_the_note_on_agenda_changes():
    assert read("08:00-09:00 Opening\nN.B.: Times are indicative and\nmay shift.\n")["agenda_note"] == (
        "Times are indicative and may shift."
    )
    assert read("The agenda is subject to change.\n08:00-09:00 Opening\n")["agenda_note"] == (
        "The agenda is subject to change."
    )


def test_a_table_header_row_says_which_column_is_which():
    draft = read("| Speaker | Time | Activity |\n|---|---|---|\n| Mr. Hun Vichet | 08:00-09:00 | Welcome |\n")
    assert rows(draft) == [("08:00", "09:00", "Welcome")]
    assert people(draft["agenda"][0]) == [("Mr. Hun Vichet", "", False)]


def test_a_row_number_column_is_ignored_and_extra_columns_add_sub_items():
    draft = read(
        "| No. | Time | Method | Session | Speaker |\n"
        "| 1 | 08:00-09:00 | Slides | Findings | Ms. Pich Rina |\n"
        "| 2 | 09:00-09:30 |  | Questions |  |\n"
    )
    assert rows(draft) == [("08:00", "09:00", "Findings"), ("09:00", "09:30", "Questions")]
    assert draft["agenda"][0]["sub_items"] == ["Slides"]
    assert people(draft["agenda"][0]) == [("Ms. Pich Rina", "", False)]


def test_no_agenda_is_a_warning():
    draft = read("Nothing with times here.\n")
    assert draft["agenda"] == [] and codes(draft) == ["concept_note.agenda_missing"]


def test_every_item_starts_before_it_ends_in_24_hour_time():
    draft = read("8:00-9:00 pm Dinner\n11:30-12:30 pm Talk\n12:00 - 12:00 Nothing\n")
    assert all(item["start"] < item["end"] for item in draft["agenda"])
    assert ("20:00", "21:00", "Dinner") in rows(draft)


def test_a_warning_about_a_kept_item_points_at_its_row():
    text = "Agenda\n\n08:00-08:30 Registration\n9:00 Opening remarks\n10:00-10:30 Presentation\n"
    result = parse_concept_note(text.encode(), "note.txt")
    [inferred] = [w for w in result["warnings"] if w["code"] == "concept_note.end_time_inferred"]
    assert inferred["field"] == "agenda[1].end" and inferred["line"] == 4
    assert result["agenda"][1]["end"] == "10:00"
