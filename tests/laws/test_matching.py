"""Matching the articles of two versions, and the word-level comparison (no database)."""

import random
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from sala.importers.draft_law import split_draft
from sala.laws.matching import Change, compare_drafts, match_articles, word_diff
from tests.support.shared import SHARED

SAMPLES = SHARED / "samples" / "draft-laws"


@dataclass
class A:
    id: str
    number: str
    heading: str
    text: str


def sample_articles(prefix: str = "old") -> list[A]:
    path = SAMPLES / "cybercrime-illustrative-en.txt"
    if not path.exists():
        pytest.skip(f"sample {path} is not here")
    split = split_draft(path.read_text(encoding="utf-8"))
    return [A(f"{prefix}{a.number}", a.number, a.heading, a.text) for a in split.all_articles()]


def renumbered(articles: list[A], prefix: str = "new") -> list[A]:
    return [A(f"{prefix}{n}", str(n), a.heading, a.text) for n, a in enumerate(articles, start=1)]


def draft(articles: list[A]) -> SimpleNamespace:
    return SimpleNamespace(articles=SimpleNamespace(all=lambda: articles))


INSERTED = A("x", "?", "Blocking of websites", "The Ministry may block any website without a court order.")


def test_an_article_inserted_in_the_middle_shifts_the_later_ones_to_their_renumbered_successors():
    old = sample_articles()
    new = renumbered([*old[:6], INSERTED, *old[6:]])
    mapping = match_articles(old, new)
    assert list(mapping) == [a.id for a in old]  # every old article is a key, in order
    assert [mapping[f"old{n}"] for n in range(1, 7)] == [f"new{n}" for n in range(1, 7)]
    assert [mapping[f"old{n}"] for n in range(7, 16)] == [f"new{n}" for n in range(8, 17)]
    assert "new7" not in mapping.values()  # the inserted article comes from nothing


def test_a_deleted_article_maps_to_nothing_and_the_later_ones_move_up():
    old = sample_articles()
    new = renumbered(old[:12] + old[13:])  # Article 13 (false information) is dropped
    mapping = match_articles(old, new)
    assert mapping["old13"] is None
    assert [mapping[f"old{n}"] for n in range(1, 13)] == [f"new{n}" for n in range(1, 13)]
    assert [mapping[f"old{n}"] for n in (14, 15)] == ["new13", "new14"]


def test_an_edited_article_is_found_by_its_text_and_a_rewritten_one_by_its_number():
    old = sample_articles()
    edited = A("new5", "5", old[4].heading, old[4].text.replace("considers harmful", "finds illegal"))
    rewritten = A("new12", "12", "Content offences", "Only speech inciting violence is an offence.")
    new = renumbered(old)
    new[4], new[11] = edited, rewritten
    mapping = match_articles(old, new)
    assert mapping["old5"] == "new5"
    assert mapping["old12"] == "new12"


def test_a_rewritten_article_is_not_matched_by_number_across_a_moved_neighbour():
    old = [A("a", "1", "", "alpha " * 20), A("b", "2", "", "bravo " * 20), A("c", "3", "", "charlie " * 20)]
    new = [
        A("C", "1", "", "charlie " * 20),
        A("B", "2", "", "something else entirely"),
        A("A", "3", "", "alpha " * 20),
    ]
    mapping = match_articles(old, new)
    assert mapping == {"a": "A", "b": None, "c": "C"}  # "2" lies outside b's gap, between A and C


def test_two_old_articles_share_a_new_one_only_when_their_texts_are_nearly_equal():
    repealed = "This article is repealed by the law on telecommunications."
    old = [
        A("a", "1", "", repealed),
        A("b", "2", "", repealed + "."),
        A("c", "3", "", "Other text, long enough."),
    ]
    new = [A("A", "1", "", repealed), A("C", "2", "", "Other text, long enough.")]
    assert match_articles(old, new) == {"a": "A", "b": "A", "c": "C"}
    merged = [A("M", "1", "", "Articles 1 and 2 together: one about cats, the other about dogs.")]
    cats = [A("a", "1", "", "One about cats."), A("b", "2", "", "The other about dogs.")]
    assert list(match_articles(cats, merged).values()).count("M") <= 1


def test_khmer_articles_match_by_text_whatever_their_digits_and_spacing():
    old = [
        A("a", "១", "", "ច្បាប់នេះមានគោលបំណងកំណត់នីតិវិធីនៃការចុះបញ្ជីសមាគម។"),
        A("b", "២", "", "សមាគមត្រូវចុះបញ្ជីនៅក្រសួងមហាផ្ទៃ មុននឹងធ្វើសកម្មភាព។"),
    ]
    new = [
        A("N", "១", "", "ច្បាប់នេះអនុវត្តចំពោះអង្គការមិនមែនរដ្ឋាភិបាលបរទេសប៉ុណ្ណោះ។"),
        A("A", "២", "", "ច្បាប់នេះមានគោលបំណងកំណត់ នីតិវិធីនៃការចុះបញ្ជីសមាគម។"),
        A("B", "3", "", "សមាគមត្រូវចុះបញ្ជីនៅក្រសួងមហាផ្ទៃ មុននឹងធ្វើសកម្មភាព។"),
    ]
    assert match_articles(old, new) == {"a": "A", "b": "B"}


def test_empty_versions_and_empty_articles():
    assert match_articles([], []) == {}
    assert match_articles([A("a", "1", "", "")], []) == {"a": None}
    # Two empty articles are not "equal texts": only their numbers can pair them.
    assert match_articles([A("a", "1", "", ""), A("b", "2", "", "")], [A("B", "2", "", "")]) == {
        "a": None,
        "b": "B",
    }


def test_compare_lists_every_article_in_the_new_order_with_removed_ones_in_place():
    old = sample_articles()
    edited = A("e", "5", old[4].heading, old[4].text.replace("considers harmful", "finds illegal"))
    new_list = [*old[:4], edited, old[5], INSERTED, *old[6:12], *old[13:]]
    new = renumbered(new_list)
    new[4] = A("new5", "5", edited.heading, edited.text)
    changes = compare_drafts(draft(old), draft(new))
    kinds = [(c.kind, c.old and c.old.number, c.new and c.new.number) for c in changes]
    assert kinds[:7] == [
        (Change.SAME, "1", "1"),
        (Change.SAME, "2", "2"),
        (Change.SAME, "3", "3"),
        (Change.SAME, "4", "4"),
        (Change.CHANGED, "5", "5"),
        (Change.SAME, "6", "6"),
        (Change.ADDED, None, "7"),
    ]
    assert kinds[7] == (Change.RENUMBERED, "7", "8")
    assert kinds[12:15] == [
        (Change.RENUMBERED, "12", "13"),
        (Change.REMOVED, "13", None),
        (Change.SAME, "14", "14"),  # one inserted, one removed: back in place
    ]
    assert kinds[-1] == (Change.SAME, "15", "15")
    five = changes[4]
    assert ("considers harmful", True) in five.old_parts and ("finds illegal", True) in five.new_parts
    assert "".join(t for t, _ in five.old_parts) == old[4].text
    assert "".join(t for t, _ in five.new_parts) == edited.text
    assert changes[7].renumbered and not changes[0].renumbered


def test_word_diff_marks_whole_words_and_splits_khmer_into_words():
    old_parts, new_parts = word_diff("shall be punishable by 1 year", "shall be punishable by 3 years")
    assert old_parts == [("shall be punishable by ", False), ("1 year", True)]
    assert new_parts == [("shall be punishable by ", False), ("3 years", True)]
    old_parts, new_parts = word_diff("សមាគមត្រូវចុះបញ្ជីនៅក្រសួងមហាផ្ទៃ", "សមាគមត្រូវចុះបញ្ជីនៅក្រសួងយុត្តិធម៌")
    assert old_parts[0] == ("សមាគមត្រូវចុះបញ្ជីនៅក្រសួង", False)
    assert [p for p in new_parts if p[1]] == [("យុត្តិធម៌", True)]
    text = "ពាក្យ\u200bដែលមាន\u200bដកឃ្លា, 1,000 riels."
    assert "".join(t for t, _ in word_diff(text, "")[0]) == text  # nothing typed is lost


def test_a_version_where_every_article_changed_a_little_and_moved_is_matched_whole():
    rng = random.Random(2014)
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(2000)]
    old = [A(f"o{n}", str(n), "", " ".join(rng.choices(words, k=60))) for n in range(1, 301)]
    new = [A(f"n{a.number}", a.number, "", a.text.replace(a.text.split()[3], "changed")) for a in old]
    rng.shuffle(new)
    assert match_articles(old, new) == {a.id: f"n{a.number}" for a in old}
