"""Which article of one draft version is which article of the next, and what changed in it.

A new version often inserts or deletes an article and renumbers everything after it, so
numbers alone would put the inputs on "Article 9" onto what used to be Article 8. Texts are
compared first (character shingles, so Khmer needs no word segmentation); numbers only decide
for the articles whose text changed too much to be recognised.

`match_articles` and `word_diff` are pure (no database): another app can call them on anything
with the attributes of `ArticleLike`; `compare_drafts` reads the two versions' articles.
"""

import difflib
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import numpy as np

from sala.core.khmer import has_khmer, latin_digits
from sala.core.nearduplicates import normalise
from sala.core.pdf import break_khmer

SHINGLE = 4  # characters per shingle, on the normalised text (no spaces or punctuation)
SIMILAR = 0.5  # shingle Jaccard from which two articles are taken for the same one
NEARLY_EQUAL = 0.9  # from here, a second old article may join a new one already taken

# MinHash: 128 hashes estimate a similarity of 0.5 within 0.05 (one standard deviation), so a
# pair 0.2 below the floor is the closest ever skipped unchecked (four deviations away).
# Each hash is multiply-shift: the top 32 bits of (a * x + b) modulo 2**64, with a odd.
_MINHASHES = 128
_ESTIMATE_MARGIN = 0.2
_HASH_A = np.random.default_rng(2014).integers(0, 1 << 63, _MINHASHES, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_HASH_B = np.random.default_rng(2015).integers(0, 1 << 63, _MINHASHES, dtype=np.uint64)
_SHIFT = np.uint64(32)
_SHINGLE_BASE = np.uint64(0x100000001B3)  # a shingle's hash: its code points in this base, mod 2**64
_ROWS_AT_ONCE = 64  # signatures compared at once: 64 x 1000 x 128 bytes at most per step

# Spaces, a run of Khmer (split into words later), a word, or one other character ("." or ",").
_TOKEN = re.compile(r"\s+|[\u1780-\u17ff\u19e0-\u19ff]+|\w+|[^\w\s]")
_ZWSP = "\u200b"


class ArticleLike(Protocol):
    """What matching reads of an article: a `laws.Article`, or any object with these."""

    id: Hashable
    number: str
    heading: str
    text: str


def match_articles(old: Sequence[ArticleLike], new: Sequence[ArticleLike]) -> dict[Hashable, Hashable | None]:
    """Where each article of the old version went in the new one: {old.id: new.id or None}.

    Both lists are in document order, ids unique within each. Every old id is a key, in the
    order of `old`; None means the article was removed (or rewritten beyond recognition and
    renumbered). Deterministic: the same lists give the same answer. Pairs are made in this order:

    1. text: articles whose heading and text are equal, then similar (shingle Jaccard at least
       `SIMILAR`), are paired one to one, the most similar first (ties: the nearest place);
       a renumbered article is found wherever it moved;
    2. number: an old article still unpaired takes the unpaired new article with the same
       number (Latin or Khmer digits, case and spacing ignored) between the new places of its
       paired neighbours, so a rewritten article keeps its inputs;
    3. an old article still unpaired whose text is nearly equal (at least `NEARLY_EQUAL`) to an
       already paired new article joins it: the only way two old articles share one new one.

    New articles that no old article maps to are the added ones.
    """
    old_keys = [_comparable(a) for a in old]
    new_keys = [_comparable(a) for a in new]
    pairs = _pair_by_text(old_keys, new_keys)
    _pair_by_number(old, new, pairs)
    unpaired, taken = [i for i in range(len(old)) if i not in pairs], sorted(set(pairs.values()))
    for i, j in _ranked(old_keys, new_keys, unpaired, taken, NEARLY_EQUAL):
        pairs.setdefault(i, j)  # the most similar first
    return {a.id: (new[pairs[i]].id if i in pairs else None) for i, a in enumerate(old)}


@dataclass(frozen=True, eq=False)
class _Key:
    """An article as the comparison sees it: its normalised text, the hashes of that text's
    shingles (sorted, unique), and their MinHash signature, which estimates the similarity
    of two keys in a few operations."""

    text: str
    shingles: np.ndarray
    signature: np.ndarray

    def __bool__(self) -> bool:
        return bool(self.text)


def _comparable(article: ArticleLike) -> _Key:
    text = normalise(f"{article.heading} {article.text}")
    if not text:  # no shingle: similar to nothing (see _similarity)
        return _Key(text, np.zeros(0, dtype=np.uint64), np.zeros(_MINHASHES, dtype=np.uint64))
    codes = np.frombuffer(text.ljust(SHINGLE, "\0").encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - SHINGLE + 1
    with np.errstate(over="ignore"):  # wrapping modulo 2**64 is the point of both hashes
        hashes = codes[:count].copy()
        for offset in range(1, SHINGLE):
            hashes = hashes * _SHINGLE_BASE + codes[offset : offset + count]
        shingles = np.unique(hashes)
        signature = ((np.outer(shingles, _HASH_A) + _HASH_B) >> _SHIFT).min(axis=0)
    return _Key(text, shingles, signature)


def _similarity(a: _Key, b: _Key) -> float:
    """The Jaccard similarity of the two shingle sets."""
    if not a or not b:
        return 0.0
    if a.text == b.text:
        return 1.0
    common = len(np.intersect1d(a.shingles, b.shingles, assume_unique=True))
    return common / (len(a.shingles) + len(b.shingles) - common)


def _pair_by_text(old: list[_Key], new: list[_Key]) -> dict[int, int]:
    """Equal texts first (cheap, and most articles of a new version), then similar ones."""
    pairs: dict[int, int] = {}
    unpaired_new: dict[str, list[int]] = {}
    for j, key in enumerate(new):
        if key:
            unpaired_new.setdefault(key.text, []).append(j)
    for i, key in enumerate(old):
        same = unpaired_new.get(key.text) if key else None
        if same:
            pairs[i] = same.pop(0)
    taken = set(pairs.values())
    unpaired = [i for i in range(len(old)) if i not in pairs]
    for i, j in _ranked(old, new, unpaired, [j for j in range(len(new)) if j not in taken], SIMILAR):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _ranked(
    old: list[_Key], new: list[_Key], rows: list[int], cols: list[int], floor: float
) -> list[tuple[int, int]]:
    """The pairs (i, j) at least `floor` similar, the most similar first (ties:
    the nearest place, then document order). Only pairs whose signatures estimate them near
    `floor` or above are compared exactly, so a version where every article changed a little
    is matched in a fraction of a second rather than comparing every pair of shingle sets."""
    found = []
    scale = max(len(old), len(new), 1)
    for i, j in _candidates(old, new, rows, cols, floor - _ESTIMATE_MARGIN):
        score = _similarity(old[i], new[j])
        if score >= floor:
            found.append((-score, abs(i - j) / scale, i, j))
    return [(i, j) for _, _, i, j in sorted(found)]


def _candidates(old: list[_Key], new: list[_Key], rows: list[int], cols: list[int], floor: float):
    if not rows or not cols:
        return
    columns = np.stack([new[j].signature for j in cols])
    for start in range(0, len(rows), _ROWS_AT_ONCE):
        chunk = rows[start : start + _ROWS_AT_ONCE]
        signatures = np.stack([old[i].signature for i in chunk])
        estimate = (signatures[:, None, :] == columns[None, :, :]).mean(axis=2)
        for a, b in zip(*np.nonzero(estimate >= floor), strict=True):
            yield chunk[a], cols[b]


def _pair_by_number(old: Sequence[ArticleLike], new: Sequence[ArticleLike], pairs: dict[int, int]) -> None:
    """Pair the rest by number, each within the gap its paired neighbours leave in the new version."""
    taken = set(pairs.values())
    for i in range(len(old)):
        if i in pairs:
            continue
        low = max((pairs[k] for k in range(i) if k in pairs), default=-1)
        high = min((pairs[k] for k in range(i + 1, len(old)) if k in pairs), default=len(new))
        wanted = _number_key(old[i].number)
        for j in range(low + 1, high):
            if j not in taken and wanted and _number_key(new[j].number) == wanted:
                pairs[i] = j
                taken.add(j)
                break


def _number_key(number: str) -> str:
    return " ".join(latin_digits(number).casefold().split())


# --- Comparing two versions ------------------------------------------------------------------


class Change(StrEnum):
    SAME = "same"
    CHANGED = "changed"  # heading or text differ (and maybe the number too)
    RENUMBERED = "renumbered"  # same heading and text under another number
    ADDED = "added"
    REMOVED = "removed"


@dataclass
class ArticleChange:
    """One article across two versions; `old_parts` and `new_parts` are (text, marked) runs:
    marked runs are the words removed from the old text and inserted into the new one."""

    kind: Change
    old: ArticleLike | None
    new: ArticleLike | None
    old_parts: list[tuple[str, bool]] = field(default_factory=list)
    new_parts: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new) and _number_key(self.old.number) != _number_key(self.new.number)


def compare_drafts(old_draft, new_draft) -> list[ArticleChange]:
    """Every article of both versions in the new version's order, each removed article placed
    after the new article its preceding old article became. Drafts are anything whose
    `articles.all()` gives ArticleLike objects in document order (a `laws.DraftVersion`)."""
    old, new = list(old_draft.articles.all()), list(new_draft.articles.all())
    mapping = match_articles(old, new)
    index = {a.id: j for j, a in enumerate(new)}
    came_from: dict[int, list[ArticleLike]] = {}
    removed_after: dict[int, list[ArticleLike]] = {}
    last = -1  # where the previous old article went: a removed one is shown after it
    for article in old:
        target = mapping[article.id]
        if target is None:
            removed_after.setdefault(last, []).append(article)
        else:
            last = index[target]
            came_from.setdefault(last, []).append(article)
    changes = [
        ArticleChange(Change.REMOVED, a, None, old_parts=_whole(a.text)) for a in removed_after.get(-1, [])
    ]
    for j, article in enumerate(new):
        sources = came_from.get(j) or [None]
        changes += [_change(source, article) for source in sources]
        changes += [
            ArticleChange(Change.REMOVED, a, None, old_parts=_whole(a.text)) for a in removed_after.get(j, [])
        ]
    return changes


def _change(old: ArticleLike | None, new: ArticleLike) -> ArticleChange:
    if old is None:
        return ArticleChange(Change.ADDED, None, new, new_parts=_whole(new.text))
    old_parts, new_parts = word_diff(old.text, new.text)
    if (old.heading, old.text) != (new.heading, new.text):
        kind = Change.CHANGED
    elif _number_key(old.number) != _number_key(new.number):
        kind = Change.RENUMBERED
    else:
        kind = Change.SAME
    return ArticleChange(kind, old, new, old_parts, new_parts)


def _whole(text: str) -> list[tuple[str, bool]]:
    return [(text, False)] if text else []


def word_diff(old: str, new: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """The two texts as runs of words, marked where they differ (Khmer split into words)."""
    a, b = _words(old), _words(new)
    old_parts: list[tuple[str, bool]] = []
    new_parts: list[tuple[str, bool]] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        # A lone space between two changed words belongs to the change: "1 year" -> "3 years".
        between = 0 < index < len(opcodes) - 1 and not "".join(a[i1:i2]).strip()
        marked = op != "equal" or between
        _append(old_parts, "".join(a[i1:i2]), marked)
        _append(new_parts, "".join(b[j1:j2]), marked)
    return old_parts, new_parts


def _append(parts: list[tuple[str, bool]], text: str, marked: bool) -> None:
    if not text:
        return
    if parts and parts[-1][1] == marked:
        parts[-1] = (parts[-1][0] + text, marked)
    else:
        parts.append((text, marked))


def _words(text: str) -> list[str]:
    """Words, punctuation and the spaces between them: joined, they give the text back."""
    tokens = []
    for token in _TOKEN.findall(text):
        tokens += break_khmer(token).split(_ZWSP) if has_khmer(token) else [token]
    return tokens
