"""The PDF checker must be able to fail, and Khmer must wrap without changing the text.

Each negative control renders a known fault with the real fonts and expects check_pdf to
report it; the clean Khmer sentence is the positive control.
"""

import io

import pytest
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from sala.core.pdf import ZWSP, break_khmer, render_pdf
from tests.support.pdfcheck import check_pdf, parse_cmap, save_page_images

FONTS = '"Noto Sans", "Noto Sans Khmer", "Khmer OS", sans-serif'
SENTENCE = "កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាងច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា"


def pdf_of(body: str, style: str = "") -> bytes:
    return render_pdf(
        f"<html lang='km'><head><style>@page {{ size: A4; margin: 20mm }}"
        f" body {{ font-family: {FONTS}; line-height: 1.8 }} {style}</style></head>"
        f"<body>{body}</body></html>"
    )


def test_clean_khmer_sentence_passes():
    assert check_pdf(pdf_of(f"<p>Consultation: {break_khmer(SENTENCE)}។</p>")) == []


@pytest.mark.parametrize(
    "broken",
    ["\u17d2ក", "x\u17b6", "សួស្តី \u17c1ក"],
    ids=["lone-coeng", "vowel-after-latin", "vowel-starts-word"],
)
def test_unshaped_khmer_cluster_is_reported(broken):
    problems = check_pdf(pdf_of(f"<p>{broken}</p>"))
    assert any("dotted circle" in p for p in problems), problems


@pytest.mark.parametrize("weight", ["normal", "bold"])
def test_dangling_coeng_is_reported(weight):
    """Text cut after a coeng: HarfBuzz draws the coeng sign, with no dotted circle."""
    cut = SENTENCE[:4]  # "កិច" + coeng, the next consonant cut off
    assert cut[-1] == "\u17d2"
    problems = check_pdf(pdf_of(f"<p style='font-weight: {weight}'>{cut} {SENTENCE}</p>"))
    assert any("dangling coeng" in p for p in problems), problems


@pytest.mark.parametrize("char", ["\ue000", "\U00018b00"], ids=["private-use", "khitan"])
def test_character_without_font_is_reported(char):
    problems = check_pdf(pdf_of(f"<p>Hello {char} សួស្តី</p>"))
    assert any(".notdef" in p for p in problems), problems


def test_long_unbreakable_line_is_reported():
    problems = check_pdf(pdf_of("<p>" + "x" * 300 + "</p>"))
    assert any("right edge" in p for p in problems), problems


def test_wide_table_is_reported():
    cells = "".join(f"<td>column{i}</td>" for i in range(30))
    problems = check_pdf(pdf_of(f"<table><tr>{cells}</tr></table>"))
    assert any("right edge" in p for p in problems), problems


def test_content_below_the_page_is_reported():
    problems = check_pdf(pdf_of("<div style='height: 400mm; background: #000'></div>"))
    assert any("bottom edge" in p for p in problems), problems


def test_blank_and_missing_pages_are_reported():
    problems = check_pdf(pdf_of(""), pages=(1, 2))
    assert problems == ["page 1: blank", "page 2: missing, the PDF has 1 page(s)"]


def test_weasyprint_encodes_missing_glyphs_through_an_embedded_cmap():
    """The checker relies on this: no <0000> in the content, a code mapped to CID 0."""
    page = PdfReader(io.BytesIO(pdf_of("<p>a\ue000</p>"))).pages[0]
    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    assert {f["/Subtype"] for f in fonts} == {"/Type0"}
    cmaps = [f["/Encoding"].get_object() for f in fonts if f["/Encoding"] != "/Identity-H"]
    assert len(cmaps) == 1
    cids, code_bytes = parse_cmap(cmaps[0].get_data())
    assert code_bytes == 2
    assert 0 in cids.values()
    assert b"<0000>" not in page.get_contents().get_data()


def test_page_images_are_saved_for_people(tmp_path):
    paths = save_page_images(pdf_of("<p>សួស្តី</p>"), tmp_path, name="hello")
    assert [p.name for p in paths] == ["hello-1.png"]
    assert paths[0].read_bytes().startswith(b"\x89PNG")


# break_khmer


def test_break_khmer_puts_zero_width_spaces_between_words():
    words = break_khmer(SENTENCE).split(ZWSP)
    assert len(words) >= 5
    assert "ច្បាប់" in words
    assert "".join(words) == SENTENCE


def test_break_khmer_leaves_latin_alone():
    text = "KSSA/ICF Center, #19-21, Street 330 (no Khmer at all)"
    assert break_khmer(text) == text
    mixed = f"Draft law: {SENTENCE} (2014)"
    assert break_khmer(mixed).startswith("Draft law: ")
    assert break_khmer(mixed).endswith(" (2014)")


def test_break_khmer_never_splits_a_cluster_or_stands_before_punctuation():
    text = "ចំណុចសំខាន់ៗអំពីសហភាពទូរគមនាគមន៍អន្តរជាតិ។"
    for piece in break_khmer(text).split(ZWSP)[1:]:
        assert "\u1780" <= piece[0] <= "\u17b3", piece
    assert f"{ZWSP}ៗ" not in break_khmer(text)
    assert f"{ZWSP}។" not in break_khmer(text)


def test_khmer_wrap_filter_keeps_escaping():
    template = Template(
        "{% load sala_pdf %}{{ text|khmer_wrap }}|{% filter khmer_wrap %}<b>{{ text }}</b>{% endfilter %}"
    )
    out = template.render(Context({"text": f"<i>{SENTENCE}</i>"}))
    assert "&lt;i&gt;" in out and "<b>" in out
    escaped = f"&lt;i&gt;{SENTENCE}&lt;/i&gt;"
    assert out.replace(ZWSP, "") == f"{escaped}|<b>{escaped}</b>"
    assert ZWSP in out


KHMER_TEXT = st.lists(
    st.sampled_from(
        [chr(c) for c in range(0x1780, 0x17DE)]
        + [chr(c) for c in range(0x17E0, 0x17EA)]
        + list("ab Z,.-\n")
        + ["ច្បាប់", "ប្រជុំ", "សេចក្តី", "ព្រាង", "ពិគ្រោះ", "យោបល់", "និង", "លើ"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(KHMER_TEXT)
def test_break_khmer_only_adds_zero_width_spaces(text):
    broken = break_khmer(text)
    assert broken.replace(ZWSP, "") == text
    for i, char in enumerate(broken):
        if char == ZWSP:  # only between two Khmer letters, before a base letter
            assert "\u1780" <= broken[i - 1] <= "\u17ff"
            assert "\u1780" <= broken[i + 1] <= "\u17b3"
            assert broken[i - 1] != "\u17d2"
