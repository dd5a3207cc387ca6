"""Each sample concept note, and the 2014 Cybercrime Law meeting, read as their EXPECTED.md says."""

from pathlib import Path

import pytest

from sala.importers.concept_note import parse_concept_note
from tests.support.shared import SHARED

SAMPLES = SHARED / "samples" / "concept-notes"
DEMO = SHARED / "demo" / "cybercrime-consultation-2014.md"

# What EXPECTED.md says of each sample: (start, end, title, facilitators as (name, role, tbc), sub-items).
ACCESS_TO_INFORMATION = {
    "title": "National Consultation Workshop on the Draft Law on Access to Information",
    "dates": ["2015-03-12"],
    "window": ("08:00", "16:30"),
    "venue": ("Sunway Hotel, Conference Hall B", "No. 1 Street 92, Sangkat Wat Phnom, Daun Penh, Phnom Penh"),
    "phones": ["012 345 678"],
    "counts": (4, 3),
    "participants": (80, 80),
    "agenda": [
        ("08:00", "08:30", "Registration of participants", [("Secretariat", "", False)]),
        ("08:30", "08:45", "Welcome remarks", [("Mr. Keo Sophal", "Chair of the Coalition", False)]),
        ("08:45", "09:15", "Opening remarks", [("H.E. Ouk Vanna", "Ministry of Information", True)]),
        ("09:15", "10:15", "Presentation of the joint analysis", [("Ms. Lim Dara", "Legal Adviser", False)]),
        ("10:15", "10:30", "Tea break", [("All", "", False)]),
        (
            "10:30",
            "12:00",
            "Group discussion: recommendations per chapter (3 groups)",
            [("Group facilitators", "", False)],
        ),
        ("12:00", "13:30", "Lunch", [("All", "", False)]),
        (
            "13:30",
            "14:30",
            "Group presentations and plenary discussion",
            [("Mr. Sok Piseth", "Media Alliance", True)],
        ),
        (
            "14:30",
            "15:30",
            "Agreement on the joint submission and drafting committee",
            [("Ms. Lim Dara", "Legal Adviser", False)],
        ),
        ("15:30", "15:45", "Tea break", [("All", "", False)]),
        ("15:45", "16:15", "Evaluation of the workshop", [("Secretariat", "", False)]),
        ("16:15", "16:30", "Closing remarks", [("Mr. Keo Sophal", "Chair of the Coalition", False)]),
    ],
    "sub_items": {
        3: ["Chapter 1-4: scope, definitions, obligations", "Chapter 5-9: exemptions, appeals, sanctions"]
    },
    "breaks": [4, 6, 9],
}
TRADE_UNIONS = {
    "title": "Half-day Dialogue on the draft Law on Trade Unions",
    "dates": ["2015-08-27"],
    "window": ("13:30", "17:00"),
    "venue": (
        "Meeting hall of the Labour Rights Centre",
        "#45, Street 271, Sangkat Tumnob Tuek, Chamkamorn, Phnom Penh",
    ),
    "phones": ["023 998 877", "017 222 333"],
    "counts": (2, 2),
    "participants": (30, 40),
    "agenda": [
        ("13:30", "14:00", "Registration", [("Secretariat", "", False)]),
        ("14:00", "14:10", "Welcome remarks", [("Ms. Phan Sophea", "Director of LRC", False)]),
        (
            "14:10",
            "15:15",
            "Session 1: Update and analysis",
            [("Mr. Chea Bunthoeun", "Legal Adviser", True), ("Ms. Rath Sokha", "Union Federation", True)],
        ),
        ("15:15", "15:30", "Break", [("All", "", False)]),
        (
            "15:30",
            "16:30",
            "Session 2: Priority amendments (group work and plenary)",
            [("Mr. Nget Vuthy", "Programme Manager", True)],
        ),
        ("16:30", "17:00", "Wrap-up and next steps", [("Ms. Phan Sophea", "Director of LRC", False)]),
    ],
    "sub_items": {
        2: [
            "Status of the draft law in the National Assembly",
            "Analysis of registration and suspension provisions",
            "Q&A",
        ]
    },
    "breaks": [3],
    "note": "The agenda may change depending on the availability of speakers.",
}
LANGO = {
    "title": "កិច្ចប្រជុំពិគ្រោះយោបល់ស្តីពីសេចក្តីព្រាងច្បាប់ស្តីពីសមាគម និងអង្គការមិនមែនរដ្ឋាភិបាល",
    "dates": ["2015-02-19"],
    "window": ("07:30", "12:00"),
    "counts": (2, 2),
    "participants": (40, 50),
    "agenda": [
        ("07:30", "08:00", "ចុះឈ្មោះ", [("គណៈកម្មការរៀបចំ", "", False)]),
        ("08:00", "08:15", "សុន្ទរកថាស្វាគមន៍", [("លោក សុខ វិចិត្រ", "", False)]),
        ("08:15", "09:30", "បទបង្ហាញលទ្ធផលវិភាគ និងសំណួរចម្លើយ", [("លោកស្រី ម៉ម សុភា", "", True)]),
        ("09:30", "09:45", "សម្រាកអាហារសម្រន់", [("ទាំងអស់គ្នា", "", False)]),
        ("09:45", "11:15", "ពិភាក្សាជាក្រុម", [("អ្នកសម្របសម្រួលក្រុម", "", False)]),
        ("11:15", "11:45", "បទបង្ហាញរបស់ក្រុម", [("តំណាងក្រុម", "", False)]),
        ("11:45", "12:00", "សេចក្តីសន្និដ្ឋាន និងបិទកិច្ចប្រជុំ", [("លោក សុខ វិចិត្រ", "", False)]),
    ],
    "breaks": [3],
    "language": "km",
}
CYBERSECURITY = {
    "title": "Regional Workshop on Digital Rights and the Draft Law on Cybersecurity",
    "dates": ["2021-10-14", "2021-10-15"],
    "window": ("08:30", "12:00"),
    "counts": (3, 2),
    "participants": (None, 35),
    "agenda": [
        ("08:30", "09:00", "Registration and connection test", [("Secretariat", "", False)]),
        ("09:00", "09:20", "Opening and introductions", [("Ms. Sar Mora", "Digital Rights Network", False)]),
        (
            "09:20",
            "10:30",
            "Panel: cybersecurity laws in the region",
            [("Mr. Anan P.", "", True), ("Ms. Dewi R.", "", True)],
        ),
        ("10:30", "10:45", "Coffee break", []),
        (
            "10:45",
            "12:00",
            "Article-by-article review of the draft law (breakout rooms)",
            [("Legal team", "", False)],
        ),
        ("12:00", "13:00", "Lunch", []),
        (
            "13:00",
            "15:00",
            "Breakout groups continue; rapporteurs prepare summaries",
            [("Group rapporteurs", "", False)],
        ),
        ("08:30", "10:00", "Report back from the groups", [("Rapporteurs", "", False)]),
        ("10:00", "10:15", "Coffee break", []),
        ("10:15", "11:30", "Drafting the regional statement", [("Ms. Sar Mora", "", False)]),
        ("11:30", "12:00", "Closing and next steps", [("Mr. Hem Rithy", "Coalition Coordinator", True)]),
    ],
    "item_dates": ["2021-10-14"] * 7 + ["2021-10-15"] * 4,
    "sub_items": {2: ["Country experience A", "Country experience B", "Q&A"]},
    "breaks": [3, 5, 8],
}
CYBERCRIME_2014 = {
    "title": "Consultative Meeting on the draft of Cybercrime Law",
    "dates": ["2014-06-05"],
    "window": ("07:30", "12:00"),
    "venue": (
        "KSSA meeting room, KSSA/ICF Center",
        "#19-21, Street 330, Sangkat Boeung Keng Kang III, Khan Chamkarmon, Phnom Penh",
    ),
    "phones": ["023 220 475", "012 979 843"],
    "counts": (3, 3),
    "participants": (50, 60),
    "agenda": [
        ("07:30", "08:00", "Registration", [("Organisers", "", False)]),
        ("08:00", "08:05", "Introduction", [("Mr. Mi Nac", "Advocacy Specialist of CCC", False)]),
        (
            "08:05",
            "08:15",
            "Welcome and opening remarks by a CSO representative",
            [("Mr. Soeung Saroeun", "Executive Director of CCC", True)],
        ),
        (
            "08:15",
            "09:45",
            "Session 1: Presentation",
            [
                ("Mr. Ou Phanarith", "Government representative", True),
                ("Mr. Pol Chanrithy", "Regional Coordinator, CRS", True),
                ("Mr. Andrew Banome", "Chief of Party, EWMI", True),
            ],
        ),
        ("09:45", "10:00", "Refreshments", [("All", "", False)]),
        (
            "10:00",
            "11:00",
            "Session 2: Strategic discussion",
            [("Mr. Lam Socheat", "Deputy Director of API", True)],
        ),
        ("11:00", "11:30", "Plenary reporting / group presentations", [("Group representatives", "", False)]),
        (
            "11:30",
            "12:00",
            "Conclusion and way forward",
            [("Mr. Tek Vannara", "Executive Director of NGO Forum", True)],
        ),
    ],
    "sub_items": {
        1: ["national anthem", "purpose and objectives of the workshop"],
        3: [
            "key notes and update on the cybercrime law",
            "key notes on the International Telecommunication Union",
            "key findings and concerns on the draft cybercrime law",
            "Q&A",
        ],
        5: ["road map and advocacy plan"],
    },
    "breaks": [4],
    "note": "the organisers may change the agenda depending on speakers' availability and on how the "
    "consultation goes.",
}
CASES = {
    "01-access-to-information.txt": ACCESS_TO_INFORMATION,
    "02-trade-union-pdf-style.txt": TRADE_UNIONS,
    "03-lango-khmer.txt": LANGO,
    "04-cybersecurity-regional.docx": CYBERSECURITY,
}


def _read(path: Path) -> dict:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared folder is outside the repository)")
    return parse_concept_note(path.read_bytes(), path.name)


def test_every_sample_has_a_case():
    if not SAMPLES.exists():
        pytest.skip("no samples folder")
    assert sorted(p.name for p in SAMPLES.iterdir() if p.name != "EXPECTED.md") == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_sample_reads_as_expected(name):
    check(_read(SAMPLES / name), CASES[name])


def test_the_2014_cybercrime_meeting_reads_as_its_facts_say():
    check(_read(DEMO), CYBERCRIME_2014)


def check(draft: dict, expected: dict) -> None:
    assert draft["title"] == expected["title"]
    assert draft["dates"] == expected["dates"]
    assert (draft["start"], draft["end"]) == expected["window"]
    assert (len(draft["objectives"]), len(draft["expected_outcomes"])) == expected["counts"]
    assert (draft["participants"]["min"], draft["participants"]["max"]) == expected["participants"]
    assert draft["language"] == expected.get("language", "en")
    if "venue" in expected:
        assert (draft["venue"]["name"], draft["venue"]["address"]) == expected["venue"]
        assert draft["venue"]["phones"] == expected["phones"]
    if "note" in expected:
        assert draft["agenda_note"] == expected["note"]
    agenda = draft["agenda"]
    read = [
        (
            item["start"],
            item["end"],
            item["title"],
            [(f["name"], f["role"], f["tbc"]) for f in item["facilitators"]],
        )
        for item in agenda
    ]
    assert read == expected["agenda"]
    assert [item["date"] for item in agenda] == expected.get("item_dates", expected["dates"] * len(agenda))
    for index, sub_items in expected.get("sub_items", {}).items():
        assert agenda[index]["sub_items"] == sub_items
    assert [i for i, item in enumerate(agenda) if item["kind"] == "break"] == expected["breaks"]
    assert draft["warnings"] == []
