"""Properties: whatever the bytes, parsing ends fast, raises only ImportProblem, and every agenda item
it returns starts before it ends, in 24-hour "HH:MM"."""

import random
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sala.importers.concept_note import parse_concept_note
from sala.importers.problems import ImportProblem
from tests.support.shared import SHARED

from .test_concept_note_documents import AGENDA_ROWS, make_docx, make_pdf

TEXT_SAMPLES = [
    *sorted((SHARED / "samples" / "concept-notes").glob("*.txt")),
    SHARED / "demo" / "cybercrime-consultation-2014.md",
]
SAMPLE_LINES = [
    line for path in TEXT_SAMPLES if path.exists() for line in path.read_text(encoding="utf-8").splitlines()
] or ["08:00 - 08:30 | Registration | Secretariat"]
DOCX = make_docx(["Concept Note", "Workshop", "Date: 6-7 March 2023", "Agenda"], AGENDA_ROWS)
PDF = make_pdf(
    "<p>Concept Note</p><h1>Workshop</h1><p>Date: 6 March 2023</p><h2>Agenda</h2><table>"
    "<tr><td>1:30-2:00 pm</td><td>Registration</td><td>Secretariat</td></tr>"
    "<tr><td>2:00-3:00 pm</td><td>Talk<ul><li>One</li></ul></td><td>Ms. Ly Na, Chair (tbc)</td></tr></table>"
)
SECONDS = 2.0
HHMM = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
CHECKS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# Pieces agendas are made of, to build lines the parser must survive: odd times, names, marks.
TIME_PIECES = st.builds(
    "{}{}{}{}{}{}".format,
    st.sampled_from(["", "ម៉ោង ", "- ", "Day 2 ", "1. "]),
    st.sampled_from(["7:30", "៧:៣០", "11.30", "1530", "7h30", "12:00", "25:61", "0", "9", "23:59", "00:00"]),
    st.sampled_from(["", " am", " pm", " noon", " ព្រឹក", " រសៀល", " ថ្ងៃត្រង់", "am"]),
    st.sampled_from([" - ", "–", " to ", " ដល់ ", "-", " ", "--"]),
    st.sampled_from(["8:00", "៨:០០", "12.00", "1600", "9h", "1:00", "7:15", "00:00", "99:99", ""]),
    st.sampled_from(["", " am", " pm", " noon", " ល្ងាច", "\tTalk\tMr. A B (tbc)", " | Lunch | All", " Tea"]),
)
AGENDA_LINES = st.one_of(
    TIME_PIECES,
    st.sampled_from(SAMPLE_LINES),
    st.sampled_from(
        ["Mr. Chea,", "Director of X (tbc)", "TBC", "Day 3", "ថ្ងៃទី២", "Note: may change", "pm", "•"]
    ),
    st.text(st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs", "Cc"]), max_size=60),
)


def check(data: bytes, filename: str) -> None:
    started = time.monotonic()
    try:
        draft = parse_concept_note(data, filename)
    except ImportProblem:
        draft = None
    assert time.monotonic() - started < SECONDS
    if draft is None:
        return
    for item in draft["agenda"]:
        assert HHMM.fullmatch(item["start"]) and HHMM.fullmatch(item["end"])
        assert item["start"] < item["end"]
    for value in (draft["start"], draft["end"]):
        assert value is None or HHMM.fullmatch(value)
    assert all({"code", "line", "field", "text"} == set(w) for w in draft["warnings"])


@CHECKS
@given(st.lists(AGENDA_LINES, max_size=40), st.sampled_from(["n.txt", "n.md", "n"]))
def test_random_agenda_like_text(lines, filename):
    check("\n".join(["Concept Note", "Title", "Agenda", *lines]).encode("utf-8", "surrogatepass"), filename)


@CHECKS
@given(st.binary(max_size=3000), st.sampled_from(["n.txt", "n.docx", "n.pdf", "n"]))
def test_random_bytes(data, filename):
    check(data, filename)


@st.composite
def mutated_sample(draw) -> bytes:
    """A sample with lines dropped, repeated, swapped, joined and inserted, as a careless paste gives."""
    lines = list(SAMPLE_LINES)
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(0, 15))):
        at = rng.randrange(len(lines))
        operation = rng.choice(["drop", "repeat", "swap", "join", "insert"])
        if operation == "drop" and len(lines) > 1:
            del lines[at]
        elif operation == "repeat":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "join" and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
        else:
            lines.insert(at, draw(AGENDA_LINES))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@CHECKS
@given(mutated_sample())
def test_mutated_samples(data):
    check(data, "note.txt")


@st.composite
def damaged(draw, original: bytes) -> bytes:
    """The file with random bytes overwritten, and maybe cut short."""
    data = bytearray(original)
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 30))):
        data[rng.randrange(len(data))] = rng.randrange(256)
    if draw(st.booleans()):
        del data[rng.randrange(len(data)) :]
    return bytes(data)


@settings(CHECKS, max_examples=60)
@given(damaged(DOCX))
def test_damaged_docx(data):
    check(data, "note.docx")


@settings(CHECKS, max_examples=60)
@given(damaged(PDF))
def test_damaged_pdf(data):
    check(data, "note.pdf")
