"""Text helpers: scripts, digits, spacing, and keys that ignore how a value was typed."""

import re
import unicodedata

_KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_TO_LATIN_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
# For `words`: punctuation, symbols, spaces and format characters become spaces, Khmer digits
# Latin ones. Computed once for the scripts lists are written in; rarer characters stay as they are.
_WORD_TABLE = {
    **{
        code: " "
        for code in (*range(0x3000), 0xFEFF, 0xFFFD)
        if unicodedata.category(chr(code))[0] not in "LNM"
    },
    **_TO_LATIN_DIGITS,
}


def has_khmer(text: str) -> bool:
    return bool(_KHMER.search(text))


def latin_digits(text: str) -> str:
    return text.translate(_TO_LATIN_DIGITS)


def clean(text: str) -> str:
    """Trimmed, inner whitespace collapsed; zero-width characters that only pad a word are dropped."""
    parts = (part.strip(_ZERO_WIDTH) for part in unicodedata.normalize("NFC", text).split())
    return " ".join(part for part in parts if part)


def words(text: str) -> str:
    """Lower-case words separated by single spaces: punctuation and symbols become spaces.

    Letters, digits and combining marks are kept, so Khmer vowel signs stay inside their word.
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_WORD_TABLE).split())


def comparison_key(text: str) -> str:
    """`words` without the spaces: two spellings that differ only in case, spacing or
    punctuation, or in Khmer versus Latin digits, have the same key."""
    return words(text).replace(" ", "")
