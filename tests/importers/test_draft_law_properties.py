"""Properties: splitting never loses, duplicates or reorders text; reading only raises ImportProblem."""

import contextlib
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sala.importers.draft_law import join_draft, read_document, split_draft
from sala.importers.problems import ImportProblem
from tests.support.shared import SHARED

from .test_draft_law_reading import make_docx, make_pdf

SAMPLES = SHARED / "samples" / "draft-laws"
SAMPLE_LINES = [
    line for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
]
FAST = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

KEYWORDS = ["CHAPTER", "Chapter", "chapter", "Section", "ARTICLE", "Article", "Art."]
KEYWORDS += ["ជំពូកទី", "ជំពូក", "ផ្នែកទី", "មាត្រា", "មាត្រាទី"]
NUMBERS = ["1", "12", "3 bis", "I", "IV", "ONE", "Twenty-One", "១", "១២", "១២ ថ្មី", "0", "CIVIL"]
TAILS = [
    "",
    ":",
    " -",
    ".",
    ": Purpose",
    " – Scope",
    " Definitions",
    " of this law",
    ", paragraph 2",
    "៖ គោលបំណង",
]

heading_lines = st.builds(
    lambda prefix, keyword, space, number, tail: f"{prefix}{keyword}{space}{number}{tail}",
    st.sampled_from(["", "  ", "## ", "**"]),
    st.sampled_from(KEYWORDS),
    st.sampled_from(["", " ", "\u200b"]),
    st.sampled_from(NUMBERS),
    st.sampled_from(TAILS),
)
# Latin, Khmer, digits of both, punctuation and odd whitespace (including what splits lines).
alphabet = st.characters(
    codec="utf-8",
    categories=["L", "M", "N", "P", "Zs", "Cc"],
    include_characters="០១២៣៤៥៦៧៨៩។៖\u200b\t\r\x0c\u2028 ",
)
text_lines = st.one_of(
    st.text(alphabet, max_size=40),
    st.text(st.sampled_from("កខគអាិីុ្រ ។abcABC.:-0១"), max_size=30),
    st.sampled_from(SAMPLE_LINES or ["Body."]),
)
documents = st.lists(st.one_of(heading_lines, text_lines, st.just("")), max_size=40).map("\n".join)


@st.composite
def mutated_samples(draw) -> str:
    """A sample with lines dropped, repeated, swapped and inserted, as a careless paste gives."""
    lines = list(SAMPLE_LINES) or ["Article 1: Purpose"]
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(0, 12))):
        at = rng.randrange(len(lines))
        operation = rng.choice(["drop", "repeat", "swap", "insert", "join"])
        if operation == "drop" and len(lines) > 1:
            del lines[at]
        elif operation == "repeat":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = rng.randrange(len(lines))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "insert":
            lines.insert(at, draw(st.one_of(heading_lines, text_lines)))
        elif at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
    return "\n".join(lines)


def comparable(text: str) -> list[str]:
    """The text's lines without trailing whitespace; blank lines between blocks are not content."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]


@FAST
@given(st.one_of(documents, mutated_samples()))
def test_splitting_loses_duplicates_and_reorders_nothing(text):
    draft = split_draft(text)
    assert comparable(join_draft(draft)) == comparable(text)
    lines = text.splitlines()
    articles = draft.all_articles()
    assert [a.line for a in articles] == sorted({a.line for a in articles})
    for article in articles:
        assert article.source.splitlines()[0] == lines[article.line - 1].rstrip()


@FAST
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.builds(lambda data: b"PK\x03\x04" + data, st.binary(max_size=500)),
        st.builds(lambda data: b"%PDF-1.4\n" + data, st.binary(max_size=500)),
    ),
    st.sampled_from(["a.txt", "a.md", "a.docx", "a.pdf", "a.odt"]),
)
def test_random_bytes_raise_nothing_but_import_problems(data, filename):
    with contextlib.suppress(ImportProblem):
        assert isinstance(read_document(data, filename), str)


VALID_FILES = {
    "a.docx": make_docx(["Article 1: Purpose", "Text."]),
    "a.pdf": make_pdf(["Article 1: Purpose"]),
}


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.sampled_from(sorted(VALID_FILES)),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
)
def test_damaged_real_files_raise_nothing_but_import_problems(filename, damage):
    data = bytearray(VALID_FILES[filename])
    for position, value in damage:
        data[position % len(data)] = value
    with contextlib.suppress(ImportProblem):
        read_document(bytes(data), filename)
