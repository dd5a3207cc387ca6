"""The splitter on the shared samples and on the heading shapes drafts use."""

import pytest

from sala.core.errors import DomainError
from sala.importers.draft_law import join_draft, split_draft
from sala.importers.problems import Finding
from tests.support.shared import SHARED

SAMPLES = SHARED / "samples" / "draft-laws"


def _as_error(finding: Finding) -> dict:
    return {"code": finding.code, **finding.params}


def sample(name: str) -> str:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {path} is not here")
    return path.read_text(encoding="utf-8")


def test_english_sample_has_five_chapters_and_fifteen_articles():
    draft = split_draft(sample("cybercrime-illustrative-en.txt"))
    assert [(c.number, c.number_value, c.heading) for c in draft.chapters] == [
        ("1", 1, "GENERAL PROVISIONS"),
        ("2", 2, "COMPETENT AUTHORITY"),
        ("3", 3, "PROCEDURAL MEASURES"),
        ("4", 4, "OFFENCES"),
        ("5", 5, "FINAL PROVISIONS"),
    ]
    articles = draft.all_articles()
    assert [a.number_value for a in articles] == list(range(1, 16))
    assert [len(c.all_articles()) for c in draft.chapters] == [3, 2, 3, 6, 1]
    assert (articles[0].number, articles[0].heading, articles[0].line) == ("1", "Purpose", 9)
    assert articles[11].heading == "Content offences"
    assert articles[11].text.startswith("Publishing or sharing through a computer system")
    assert articles[11].text.endswith("6,000,000 riels.")
    assert articles[14].text == "This law shall be declared as urgent."
    assert '\n1. "Computer system" means' in articles[2].text  # the list stays on its lines
    assert draft.preamble.startswith("ILLUSTRATIVE DRAFT") and draft.preamble.endswith("version 3)")
    assert draft.warnings == [] and draft.articles == []


def test_khmer_sample_has_three_chapters_and_six_articles():
    draft = split_draft(sample("lango-illustrative-km.txt"))
    assert [(c.number, c.number_value, c.heading) for c in draft.chapters] == [
        ("១", 1, "បទប្បញ្ញត្តិទូទៅ"),
        ("២", 2, "ការចុះបញ្ជី"),
        ("៣", 3, "កាតព្វកិច្ច"),
    ]
    articles = draft.all_articles()
    assert [(a.number, a.number_value, a.heading) for a in articles] == [
        (n, v, "") for v, n in enumerate("១២៣៤៥៦", start=1)
    ]
    assert articles[2].text.startswith("សមាគម ឬអង្គការមិនមែនរដ្ឋាភិបាលណាមួយ") and articles[2].text.endswith("។")
    assert draft.warnings == []


def test_samples_without_blank_lines_split_the_same():
    """Text read from a .docx has one paragraph a line and no blank lines between them."""
    for name, chapters, articles in (
        ("cybercrime-illustrative-en.txt", 5, 15),
        ("lango-illustrative-km.txt", 3, 6),
    ):
        dense = "\n".join(line for line in sample(name).splitlines() if line.strip())
        draft = split_draft(dense)
        assert (len(draft.chapters), len(draft.all_articles())) == (chapters, articles)


@pytest.mark.parametrize(
    ("line", "kind", "number", "value", "heading"),
    [
        ("CHAPTER 1", "chapter", "1", 1, ""),
        ("Chapter I", "chapter", "I", 1, ""),
        ("Chapter IV - Offences", "chapter", "IV", 4, "Offences"),
        ("CHAPTER ONE", "chapter", "ONE", 1, ""),
        ("Chapter Twenty-One", "chapter", "Twenty-One", 21, ""),
        ("Chapter 2: Definitions", "chapter", "2", 2, "Definitions"),
        ("Chapter 2 Definitions", "chapter", "2", 2, "Definitions"),
        ("Section 1", "section", "1", 1, ""),
        ("Article 1:", "article", "1", 1, ""),
        ("Article 1 -", "article", "1", 1, ""),
        ("Article 1 – Purpose", "article", "1", 1, "Purpose"),
        ("Art. 12 - Penalties", "article", "12", 12, "Penalties"),
        ("Article 12 bis", "article", "12 bis", 12, ""),
        ("Article 12A: Extra", "article", "12A", 12, "Extra"),
        ("ARTICLE 5.", "article", "5", 5, ""),
        ("**Article 7:** Purpose", "article", "7", 7, "Purpose"),
        ("## Article 8 - Heading", "article", "8", 8, "Heading"),
        ("ជំពូកទី១", "chapter", "១", 1, ""),
        ("ជំពូក ១", "chapter", "១", 1, ""),
        ("ជំពូកទី២ ការចុះបញ្ជី", "chapter", "២", 2, "ការចុះបញ្ជី"),
        ("ផ្នែកទី១", "section", "១", 1, ""),
        ("មាត្រា ១", "article", "១", 1, ""),
        ("មាត្រា១:", "article", "១", 1, ""),
        ("មាត្រា ១២ ថ្មី", "article", "១២ ថ្មី", 12, ""),
        ("មាត្រា ១២ ថ្មី៖ ចំណងជើង", "article", "១២ ថ្មី", 12, "ចំណងជើង"),
        ("មាត្រា\u200b១៣", "article", "១៣", 13, ""),
    ],
)
def test_heading_shapes(line, kind, number, value, heading):
    draft = split_draft(f"{line}\nThe body of it.\nAnd more of it.")
    found = {
        "chapter": [c for c in draft.chapters if c.source],
        "section": [s for c in draft.chapters for s in c.sections],
        "article": draft.all_articles(),
    }[kind]
    assert [(x.number, x.number_value, x.heading, x.line) for x in found] == [(number, value, heading, 1)]


@pytest.mark.parametrize(
    "line",
    [
        "as provided in Article 5 of this law.",
        "Article 5 of this law applies to associations.",
        "Article 5, paragraph 2, applies.",
        "Article 5.2 applies here",
        "Articles 5 and 6 apply.",
        "Chapter Civil law",
        "មាត្រា ៥ នៃច្បាប់នេះ អនុវត្តចំពោះសមាគម។",
        "ស្របតាមមាត្រា ៥ នៃច្បាប់នេះ",
    ],
)
def test_references_inside_sentences_start_no_article(line):
    draft = split_draft(f"Article 1: Purpose\nThe first sentence.\n{line}\nThe last sentence.")
    assert len(draft.all_articles()) == 1
    assert line in draft.all_articles()[0].text


def test_a_reference_wrapped_to_the_start_of_a_line_starts_no_article():
    draft = split_draft("Article 1: Purpose\nThis applies as provided in\nArticle 5\nof this law.")
    assert [a.number for a in draft.all_articles()] == ["1"]


def test_heading_on_the_next_short_line_but_not_a_sentence():
    draft = split_draft(
        "Article 1\nPurpose\nThis law aims.\n\nArticle 2\nThis law applies to all.\n\nArticle 3\nRepealed"
    )
    assert [(a.heading, a.text) for a in draft.all_articles()] == [
        ("Purpose", "This law aims."),
        ("", "This law applies to all."),
        ("", "Repealed"),  # a lone short line is the article's text, not its heading
    ]


def test_articles_keep_paragraphs_and_indentation():
    draft = split_draft(
        "Article 1: Terms\nFirst paragraph.\n\nSecond paragraph:\n   (a) indented item.\n\n\n"
    )
    assert draft.all_articles()[0].text == "First paragraph.\n\nSecond paragraph:\n   (a) indented item."


def test_sections_and_articles_before_any_chapter_have_a_place():
    text = "Title\nArticle 1: Before chapters\nText.\nSection 1: Loose\nIntro.\nArticle 2: In it\nText two."
    draft = split_draft(text)
    assert [a.number for a in draft.articles] == ["1"]
    implied = draft.chapters[0]
    assert (implied.number, implied.source) == ("", "")
    assert implied.sections[0].text == "Intro." and implied.sections[0].articles[0].heading == "In it"
    assert join_draft(draft) == text


def test_chapter_text_and_sections_keep_document_order():
    text = (
        "CHAPTER 1\nGENERAL\nThis chapter sets out the rules.\nArticle 1: A\nOne.\n"
        "Section 1: First\nArticle 2: B\nTwo.\nSection 2: Second\nArticle 3: C\nThree.\n"
        "CHAPTER 2\nSection 1\nArticle 4: D\nFour."
    )
    draft = split_draft(text)
    first = draft.chapters[0]
    assert first.text == "This chapter sets out the rules."
    assert [a.number for a in first.articles] == ["1"]
    assert [[a.number for a in s.articles] for s in first.sections] == [["2"], ["3"]]
    assert [a.number for a in draft.all_articles()] == ["1", "2", "3", "4"]
    assert draft.warnings == []  # sections may start again at 1 in each chapter
    assert join_draft(draft) == text


def test_numbering_gaps_and_steps_back_are_warnings_and_keep_the_text():
    articles = ["Article 1: A\nOne.", "Article 2: B\nTwo.", "Article 2 bis: B2\nTwo bis."]
    text = "\n".join([*articles, "Article 4: D\nFour.", "Article 3: C\nThree."])
    draft = split_draft(text)
    assert [a.number for a in draft.all_articles()] == ["1", "2", "2 bis", "4", "3"]
    assert [(w.code, w.params) for w in draft.warnings] == [
        ("draft.numbering_gap", {"line": 7, "number": "4", "expected": 3}),
        ("draft.numbering_back", {"line": 9, "number": "3", "expected": 5}),
    ]
    assert DomainError(**_as_error(draft.warnings[0])).message == (
        "Line 7: number 4 skips numbers (expected 3). Is something missing?"
    )
    assert join_draft(draft) == text


def test_text_without_articles_is_a_preamble_and_a_warning():
    draft = split_draft("Just a letter.\nNo law here.")
    assert draft.preamble == "Just a letter.\nNo law here."
    assert [w.code for w in draft.warnings] == ["draft.no_articles"]
    assert DomainError(**_as_error(draft.warnings[0])).message


def test_json_gives_chapters_with_their_articles():
    data = split_draft(sample("lango-illustrative-km.txt")).to_json()
    assert set(data) == {"preamble", "chapters", "articles", "warnings"}
    first = data["chapters"][0]
    assert (first["number"], first["heading"], first["sections"]) == ("១", "បទប្បញ្ញត្តិទូទៅ", [])
    assert first["articles"][0] == {
        "number": "១",
        "heading": "",
        "text": "ច្បាប់នេះមានគោលបំណងកំណត់នីតិវិធីនៃការចុះបញ្ជីសមាគម និងអង្គការមិនមែនរដ្ឋាភិបាល។",
    }
