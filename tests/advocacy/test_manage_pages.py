"""The organisers' screens: matrix, cell, article with its position and dispositions, publishing."""

import re

import pytest

from sala.advocacy.models import Disposition, Finding
from sala.meetings.models import Consultation
from sala.participation.models import Input

from .conftest import SLUG, add_input, article

pytestmark = pytest.mark.django_db
BASE = f"/{{lang}}/manage/consultations/{SLUG}/consolidation/"


def url(path: str = "", lang: str = "en") -> str:
    return BASE.format(lang=lang) + path


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def campaign(consultation, organisations, people):
    """On article 12: 12 near-copies (one by a consenting author), a named input from someone who
    did not agree to be named, and an anonymous one."""
    a12 = article(consultation, "12")
    copies = [
        add_input(
            consultation, article=a12, comment="Withdraw Article 12.", organisation=organisations[i % 2]
        )
        for i in range(11)
    ]
    copies.append(
        add_input(
            consultation,
            article=a12,
            comment="Withdraw Article 12!",
            author=people["named"],
            show_author=True,
        )
    )
    Input.objects.filter(pk__in=[c.pk for c in copies]).update(group=copies[0].pk)
    private = add_input(
        consultation, article=a12, comment="Define sovereignty.", author=people["private"], show_author=False
    )
    anonymous = add_input(consultation, article=a12, comment="Drop the prison terms.", concern="penalties")
    return {"copies": copies, "private": private, "anonymous": anonymous, "article": a12}


def test_the_matrix_in_khmer_counts_in_khmer_digits(organiser_client, consultation, campaign):
    html = organiser_client.get(url(lang="km")).content.decode()
    a12 = campaign["article"]
    cell = f'/km/manage/consultations/{SLUG}/consolidation/cells/{a12.pk}/expression/">១៣</a>'
    assert cell in html
    assert 'class="overflow-auto matrix-scroll"' in html
    matrix = visible_text(re.search(r'<table class="matrix.*?</table>', html, re.S).group())
    assert "មាត្រា ១២" in matrix or "Article ១២" in matrix
    assert not re.search(r"[0-9]", matrix), matrix  # counts, totals and article numbers
    assert "× ១២" in html  # the group's count


def test_the_cell_collapses_near_copies_and_names_no_one_without_consent(
    organiser_client, consultation, campaign
):
    html = organiser_client.get(url(f"cells/{campaign['article'].pk}/expression/")).content.decode()
    assert html.count('class="entry"') == 2  # the group once, and the private input
    assert "× 12" in html and "Withdraw Article 12." in html
    assert "Chan Private" not in html and "Sok Consenting" not in html  # not the group's first input
    assert "Anonymous" in html  # the private input has no organisation


def test_the_article_page_saves_the_position(organiser_client, consultation, campaign):
    page = url(f"articles/{campaign['article'].pk}/")
    assert "Drop the prison terms." in organiser_client.get(page).content.decode()
    response = organiser_client.post(
        page + "finding/",
        {
            "finding_en": "Vague.",
            "finding_km": "មិនច្បាស់។",
            "recommendation_en": "Delete it.",
            "wording_en": "",
        },
    )
    assert response.status_code == 302 and response.url == page
    finding = Finding.objects.get(consultation=consultation, article=campaign["article"])
    assert (finding.finding_km, finding.recommendation_en) == ("មិនច្បាស់។", "Delete it.")
    organiser_client.post(page + "finding/", {})
    assert not Finding.objects.exists()


def test_the_whole_text_has_a_page_and_a_position(organiser_client, consultation):
    add_input(consultation, comment="Hold a public consultation.")
    assert "Hold a public consultation." in organiser_client.get(url("articles/text/")).content.decode()
    organiser_client.post(url("articles/text/finding/"), {"finding_en": "Secret drafting."})
    assert Finding.objects.get(article=None).finding_en == "Secret drafting."


def test_a_group_is_decided_from_the_article_page_with_htmx(organiser_client, consultation, campaign):
    first = campaign["copies"][0]
    response = organiser_client.post(
        url(f"inputs/{first.pk}/disposition/"),
        {"status": "integrated", "whole_group": "True"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith(f'<div class="entry-block" id="entry-{first.pk}">')
    assert "Integrated" in html and "× 12" in html
    assert Disposition.objects.filter(status="integrated").count() == 12


def test_a_refused_disposition_comes_back_with_the_reason(organiser_client, consultation, campaign):
    anonymous = campaign["anonymous"]
    response = organiser_client.post(
        url(f"inputs/{anonymous.pk}/disposition/"),
        {"status": "not_integrated"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert "Say why this input is not integrated" in response.content.decode()
    response = organiser_client.post(url(f"inputs/{anonymous.pk}/disposition/"), {"status": "not_integrated"})
    assert response.status_code == 422 and "Say why" in response.content.decode()
    assert not Disposition.objects.exists()


def test_a_plain_post_goes_back_to_the_article(organiser_client, consultation, campaign):
    private, anonymous = campaign["private"], campaign["anonymous"]
    response = organiser_client.post(
        url(f"inputs/{private.pk}/disposition/?page=1"),
        {"status": "merged", "merged_into": f"#{anonymous.pk}"},
    )
    assert response.status_code == 302
    assert response.url == url(f"articles/{campaign['article'].pk}/") + f"#input-{private.pk}"
    assert Disposition.objects.get(input=private).merged_into == anonymous


def test_one_member_of_a_group_alone(organiser_client, consultation, campaign):
    member = campaign["copies"][3]
    page = organiser_client.get(url(f"inputs/{member.pk}/disposition/")).content.decode()
    assert f"Input no. {member.pk}" in page and "× 12" not in page
    khmer_number = str(campaign["copies"][0].pk).translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    organiser_client.post(
        url(f"inputs/{member.pk}/disposition/"), {"status": "merged", "merged_into": khmer_number}
    )
    assert list(Disposition.objects.values_list("input", "merged_into")) == [
        (member.pk, campaign["copies"][0].pk)
    ]


def test_regroup_then_publish_and_unpublish(organiser_client, consultation, campaign):
    response = organiser_client.post(url("regroup/"), follow=True)
    assert "1 group of near-duplicate inputs found." in response.content.decode()

    page = organiser_client.get(url("publish/")).content.decode()
    assert "14 inputs are not decided yet" in page
    response = organiser_client.post(url("publish/"))
    assert (
        response.status_code == 422
        and "Write the position on at least one article" in response.content.decode()
    )

    organiser_client.post(url("articles/text/finding/"), {"finding_en": "Secret drafting."})
    assert organiser_client.post(url("publish/")).status_code == 302
    assert Consultation.objects.get(pk=consultation.pk).position_published_at is not None
    assert "Unpublish" in organiser_client.get(url()).content.decode()
    organiser_client.post(url("unpublish/"))
    assert Consultation.objects.get(pk=consultation.pk).position_published_at is None


def test_unknown_places_and_concerns_are_not_found(organiser_client, consultation, campaign):
    from .conftest import make_draft

    elsewhere = make_draft(consultation.law, label="Other").articles.first()
    assert organiser_client.get(url(f"articles/{elsewhere.pk}/")).status_code == 404
    assert organiser_client.get(url("articles/nowhere/")).status_code == 404
    assert organiser_client.get(url(f"cells/{campaign['article'].pk}/nothing/")).status_code == 404
    assert organiser_client.post(url("articles/other/finding/"), {"finding_en": "x"}).status_code == 404
