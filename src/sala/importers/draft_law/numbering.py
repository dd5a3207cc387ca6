"""Chapter, section and article numbers as written, turned into integers to check the order.

Drafts number chapters with Latin or Khmer digits, roman numerals or English words, and
articles with digits; the value is only used to spot gaps and steps back, so anything
unreadable is None rather than an error.
"""

import re

KHMER_TO_LATIN = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen"]
_TEENS += ["fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {
    **{word: i + 1 for i, word in enumerate(_UNITS)},
    **{word: i + 10 for i, word in enumerate(_TEENS)},
    **{word: (i + 2) * 10 for i, word in enumerate(_TENS)},
}

# A number in words up to ninety-nine ("ONE", "Twenty-One", "twenty one"), longest first so
# "seventeen" is not read as "seven".
WORD_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
)

# Digits at the start of a number as written ("12 bis", "១២ ថ្មី", "5A").
_LEADING_DIGITS = re.compile(r"[0-9០-៩]+")


def digits_value(number: str) -> int | None:
    """The value of the leading Latin or Khmer digits ("១២ ថ្មី" -> 12)."""
    match = _LEADING_DIGITS.match(number)
    return int(match.group().translate(KHMER_TO_LATIN)) if match else None


def has_suffix(number: str) -> bool:
    """True for "12 bis" or "១២ ថ្មី": an article inserted after 12 without renumbering."""
    match = _LEADING_DIGITS.match(number)
    return bool(match) and match.end() < len(number)


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed roman numeral, None for look-alikes such as "CIVIL"."""
    numeral = numeral.upper()
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    total = 0
    for current, following in zip(numeral, numeral[1:] + "I", strict=True):
        value = _ROMAN[current]
        total += -value if value < _ROMAN[following] else value
    return total if 0 < total < 4000 and to_roman(total) == numeral else None


def to_roman(value: int) -> str:
    """The canonical roman numeral, to reject non-canonical strings in roman_value."""
    out = []
    for numeral, amount in (
        ("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
        ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1),
    ):  # fmt: skip
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def words_value(words: str) -> int | None:
    """The value of an English number word ("TWENTY-ONE" -> 21)."""
    parts = re.split(r"[-\s]+", words.strip().lower())
    values = [WORD_VALUES.get(part) for part in parts]
    return None if None in values or not values else sum(values)


def number_value(number: str) -> int | None:
    """Digits, then a roman numeral, then words: the first reading that works."""
    value = digits_value(number)
    if value is None:
        value = roman_value(number.split()[0]) if number.split() else None
    if value is None:
        value = words_value(number)
    return value
