"""PDF rendering with WeasyPrint, and Khmer word breaks that Pango cannot find by itself.

Khmer is written without spaces between words and Pango does not break lines inside it, so
a Khmer sentence would run out of its table cell. `break_khmer` inserts U+200B (zero width
space) between words found by khmer-nltk. It is applied at render time only: the U+200B
must never reach the database, the search index or an export someone edits.
"""

import re
from functools import lru_cache

from khmernltk import word_tokenize
from weasyprint import HTML
from weasyprint.urls import URLFetcher

ZWSP = "\u200b"
KHMER_RUN = re.compile("[\u1780-\u17ff\u19e0-\u19ff]+")
COENG = "\u17d2"


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF of a rendered template; resources only from data: and file: URLs.

    No network fetch: a PDF rendered in a request must not wait on another host (or on
    this very server, through a relative URL).
    """
    fetcher = URLFetcher(allowed_protocols={"data", "file"})
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()


def break_khmer(text: str) -> str:
    """The text with U+200B between Khmer words, so that Pango can wrap Khmer lines."""
    if not KHMER_RUN.search(text):
        return text
    return KHMER_RUN.sub(lambda match: _break_run(match.group()), text)


@lru_cache(maxsize=4096)
def _break_run(run: str) -> str:
    cuts = _word_ends(run)
    if not cuts:
        return run
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(run[start:cut])
        start = cut
    pieces.append(run[start:])
    return ZWSP.join(pieces)


def _word_ends(run: str) -> list[int]:
    """Offsets where a new word starts inside an unbroken Khmer run.

    Only before a base letter (consonant or independent vowel) that does not follow a coeng:
    never inside a cluster, never before ។ or ៗ, whatever the tokenizer returns.
    """
    words = word_tokenize(run, return_tokens=True)  # the first call loads a model (~1 s)
    if "".join(words) != run:  # the tokenizer dropped or changed something: leave as is
        return []
    ends, offset = [], 0
    for word in words[:-1]:
        offset += len(word)
        if "\u1780" <= run[offset] <= "\u17b3" and run[offset - 1] != COENG:
            ends.append(offset)
    return ends
