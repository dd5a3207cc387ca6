"""Group near-duplicate texts (a campaign letter sent 500 times with small edits), in any script.

Khmer has no spaces between words, so texts are compared by character shingles, not words:
each text is normalised, cut into overlapping k-grams, and summarised by a MinHash signature;
LSH banding proposes candidate pairs, the signatures confirm them, and connected components
form the groups. Everything per character runs in numpy, so 100,000 texts take seconds.

The signature is one-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification
(Shrivastava & Li 2014): one hash per shingle, whose top bits pick one of `BINS` bins, the
minimum kept per bin. Two signatures agree in a bin with probability equal to the texts'
Jaccard similarity, as with `BINS` separate permutations, for the price of one: hashing every
shingle `BINS` times took longer on its own than the 10 s allowed for 100,000 texts.
"""

import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache

import numpy as np

BINS = 128  # signature length: the similarity estimate's error is about 0.04 at 0.6
# LSH: 32 bands of 4 bins find a pair at 0.6 with probability 0.99, at 0.2 with 0.05.
BANDS = BINS // 4  # 4 bins, as _band_keys reads a band: two 64-bit halves
CHUNK_CHARS = 2_000_000  # characters hashed at once: bounds memory whatever the input size
PAIR_CHUNK = 200_000  # candidate pairs compared at once

_EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle fell into
_BIN_SHIFT = np.uint32(32 - (BINS.bit_length() - 1))  # the top bits of a shingle's hash pick its bin
_POLYNOMIAL_BASE = np.uint32(0x01000193)  # odd, so wrapping modulo 2**32 loses nothing
_ROTATION = 0x9E3779B1  # densification: a borrowed value is shifted by distance * this
_KHMER_DIGITS = range(0x17E0, 0x17EA)
_KHMER_COENG, _KHMER_DA, _KHMER_TA = 0x17D2, 0x178A, 0x178F


def group_near_duplicates(
    texts: Sequence[str], *, threshold: float = 0.6, shingle: int = 5, seed: int = 1
) -> list[list[int]]:
    """Indices of texts whose shingle sets have Jaccard similarity of about `threshold` or more.

    Groups are connected: A and C share a group when both are near B. Each group is sorted,
    groups are sorted by their first index, and texts near no other text are left out. A text
    with nothing but spaces and punctuation is near nothing.
    """
    rng = np.random.default_rng(seed)
    salt, multiplier = (np.uint32(rng.integers(1, 2**32)) for _ in range(2))
    signatures, filled = _signatures(texts, shingle, salt, multiplier | np.uint32(1))
    pairs = _candidate_pairs(signatures, filled)
    pairs = pairs[_agreement(signatures, pairs) >= threshold]
    return _components(len(texts), pairs)


def normalise(text: str) -> str:
    """What the comparison sees: NFC, casefolded, no spaces, punctuation or zero-width characters,
    Latin digits for Khmer ones, subscript TA for subscript DA, so "មាត្រា ១២!" and "មាត្រា12"
    compare equal."""
    codes, _ = _normalised_codes([text])
    return codes.tobytes().decode("utf-32-le")


def _normalised_codes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The normalised texts as one array of code points (uint32), and the text each came from.

    Only NFC and casefolding run per text (in C); the rest is one table look-up for the batch.
    """
    prepared = [unicodedata.normalize("NFC", text).casefold() for text in texts]
    codes = np.frombuffer("".join(prepared).encode("utf-32-le"), dtype=np.uint32)
    owners = np.repeat(np.arange(len(prepared), dtype=np.int32), [len(text) for text in prepared])
    table = _bmp_table()
    if len(codes) and codes.max() < 0x10000:
        codes = table[codes]
    else:  # beyond the BMP (emoji, rare scripts): kept as they are
        codes = np.where(codes < 0x10000, table[codes & 0xFFFF], codes)
    keep = codes != 0
    codes, owners = codes[keep], owners[keep]
    subscript_da = np.flatnonzero((codes[1:] == _KHMER_DA) & (codes[:-1] == _KHMER_COENG)) + 1
    codes[subscript_da] = _KHMER_TA  # "សេចក្ដី" and "សេចក្តី" look the same; people type either
    return codes, owners


@cache
def _bmp_table() -> np.ndarray:
    """What each BMP code point becomes: 0 (dropped) for spaces, punctuation and control or
    format characters (zero-width spaces among them), a Latin digit for a Khmer one."""
    table = np.arange(0x10000, dtype=np.uint32)
    table[[unicodedata.category(chr(c))[0] in "PZC" for c in range(0x10000)]] = 0
    table[list(_KHMER_DIGITS)] = np.arange(ord("0"), ord("9") + 1, dtype=np.uint32)
    return table


def _signatures(
    texts: Sequence[str], shingle: int, salt: np.uint32, multiplier: np.uint32
) -> tuple[np.ndarray, np.ndarray]:
    """A densified MinHash signature per text (rows), and which texts had any shingle at all."""
    signatures = np.full((len(texts), BINS), _EMPTY, dtype=np.uint32)
    for start, stop in _chunks(texts):
        codes, owners = _pad_short(*_normalised_codes(texts[start:stop]), stop - start, shingle)
        hashes, inside = _shingle_hashes(codes, owners, shingle)
        hashes = _mix(hashes, salt, multiplier)
        cells = owners[: len(hashes)].astype(np.int64) * BINS + (hashes >> _BIN_SHIFT)
        cells[~inside] = (stop - start) * BINS  # k-grams straddling two texts go to a spare cell
        flat = np.full((stop - start) * BINS + 1, _EMPTY, dtype=np.uint32)
        np.minimum.at(flat, cells, hashes)
        signatures[start:stop] = flat[:-1].reshape(-1, BINS)
    filled = (signatures != _EMPTY).any(axis=1)
    _densify(signatures, filled)
    return signatures, filled


def _chunks(texts: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Ranges of texts with about CHUNK_CHARS characters each."""
    start, size = 0, 0
    for index, text in enumerate(texts):
        size += len(text)
        if size >= CHUNK_CHARS:
            yield start, index + 1
            start, size = index + 1, 0
    if start < len(texts):
        yield start, len(texts)


def _pad_short(
    codes: np.ndarray, owners: np.ndarray, count: int, shingle: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pad a text shorter than a shingle with zeros, so it is one shingle: "OK" matches "ok!"."""
    lengths = np.diff(np.searchsorted(owners, np.arange(count + 1)))  # owners are in order
    short = np.flatnonzero((lengths > 0) & (lengths < shingle))
    if not len(short):
        return codes, owners
    ends = np.repeat(np.cumsum(lengths)[short], shingle - lengths[short])
    return np.insert(codes, ends, 0), np.insert(owners, ends, np.repeat(short, shingle - lengths[short]))


def _shingle_hashes(codes: np.ndarray, owners: np.ndarray, shingle: int) -> tuple[np.ndarray, np.ndarray]:
    """A 32-bit polynomial hash of every k-gram, and whether the k-gram lies inside one text."""
    count = max(len(codes) - shingle + 1, 0)
    hashes = codes[:count].copy()
    for offset in range(1, shingle):
        hashes *= _POLYNOMIAL_BASE
        hashes += codes[offset : offset + count]
    return hashes, owners[:count] == owners[shingle - 1 : shingle - 1 + count]


def _mix(hashes: np.ndarray, salt: np.uint32, multiplier: np.uint32) -> np.ndarray:
    """A seeded finaliser (MurmurHash3's fmix32): every bit of the result depends on every bit
    of the shingle, so the top bits (the bin) and the rest look independent."""
    hashes ^= salt
    for shift, factor in ((16, multiplier), (13, np.uint32(0xC2B2AE35))):
        hashes ^= hashes >> np.uint32(shift)
        hashes *= factor
    hashes ^= hashes >> np.uint32(16)
    return hashes


def _densify(signatures: np.ndarray, filled: np.ndarray) -> None:
    """Fill each empty bin from the next filled bin to its right (circularly), shifted by the
    distance, so short texts get a full signature that still estimates Jaccard similarity."""
    rows, columns = np.nonzero((signatures == _EMPTY) & filled[:, None])
    values = np.empty(len(rows), dtype=np.uint32)
    pending = np.arange(len(rows))
    distance = 0
    while len(pending):
        distance += 1
        borrowed = signatures[rows[pending], (columns[pending] + distance) % BINS]
        found = borrowed != _EMPTY
        values[pending[found]] = borrowed[found] + np.uint32(distance * _ROTATION & 0xFFFFFFFF)
        pending = pending[~found]
    signatures[rows, columns] = values


def _candidate_pairs(signatures: np.ndarray, filled: np.ndarray) -> np.ndarray:
    """Pairs (i < j) that agree on all bins of at least one band.

    Texts sharing a bucket are paired with the one before them in the bucket, not with all of
    it: a campaign of 5,000 copies stays linear, and a chain links the group as well.
    """
    rows = np.flatnonzero(filled)
    found = []
    for band in np.split(signatures[rows], BANDS, axis=1):
        keys = _band_keys(band)
        order = np.argsort(keys)
        repeats = np.flatnonzero(keys[order[1:]] == keys[order[:-1]]) + 1
        found.append(np.stack([order[repeats - 1], order[repeats]], axis=1))
    pairs = np.sort(rows[np.concatenate(found)], axis=1).astype(np.int64)
    codes = np.sort(pairs[:, 0] * len(signatures) + pairs[:, 1])
    first = np.ones(len(codes), dtype=bool)
    first[1:] = codes[1:] != codes[:-1]
    codes = codes[first]  # each pair once
    return np.stack(np.divmod(codes, len(signatures)), axis=1)


def _band_keys(band: np.ndarray) -> np.ndarray:
    """One 64-bit key per row of a band (a hash of its 4 bins; a collision only adds a candidate)."""
    halves = np.ascontiguousarray(band).view(np.uint64)
    keys = halves[:, 0] * np.uint64(0x9E3779B97F4A7C15)
    keys ^= halves[:, 1]
    return keys


def _agreement(signatures: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The estimated Jaccard similarity of each pair: the share of bins that agree.

    The low 16 bits of each bin suffice (unrelated values agree by chance once in 65,536) and
    halve the memory read, which is what this step costs.
    """
    low = signatures.astype(np.uint16)
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), PAIR_CHUNK):
        chunk = pairs[start : start + PAIR_CHUNK]
        out[start : start + len(chunk)] = np.count_nonzero(low[chunk[:, 0]] == low[chunk[:, 1]], axis=1)
    return out / BINS


def _components(count: int, pairs: np.ndarray) -> list[list[int]]:
    """Connected components of the pairs, as union-find gives them, vectorised: the roots of
    both ends hook onto the smaller root, then every label jumps to its root, until stable."""
    labels = np.arange(count)
    left, right = pairs[:, 0], pairs[:, 1]
    while True:
        smaller = np.minimum(labels[left], labels[right])
        before = labels.copy()
        np.minimum.at(labels, labels[left], smaller)
        np.minimum.at(labels, labels[right], smaller)
        while not np.array_equal(labels, labels[labels]):
            labels = labels[labels]
        if np.array_equal(labels, before):
            break
    grouped = np.flatnonzero(np.bincount(labels, minlength=count)[labels] > 1)
    order = grouped[np.argsort(labels[grouped], kind="stable")]
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return sorted((group.tolist() for group in np.split(order, bounds) if len(group)), key=lambda g: g[0])
