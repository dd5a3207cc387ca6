"""The public account: only once published, names only with consent, cheap to serve."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sala.advocacy.services import decide_inputs, publish_position, save_finding, unpublish_position
from sala.participation.models import Input

from .conftest import SLUG, add_input, article

pytestmark = pytest.mark.django_db
PAGE = f"/{{}}/consultations/{SLUG}/position/"
PDF = f"/{{}}/consultations/{SLUG}/position/joint-submission.pdf"


@pytest.fixture
def position(consultation, organiser, organisations, people):
    """Article 12 with a finding, a campaign of 5 copies, a consenting author, one who did not
    consent, an anonymous input; everything decided."""
    a12 = article(consultation, "12")
    save_finding(
        consultation=consultation,
        article=a12,
        actor=organiser,
        finding_en="The terms are vague.",
        finding_km="ពាក្យមិនច្បាស់លាស់។",
        recommendation_en="Delete Article 12.",
        wording_en="Article 12 (deleted).",
    )
    copies = [add_input(consultation, article=a12, comment="Withdraw it.", organisation=organisations[0])]
    copies += [add_input(consultation, article=a12, comment="Withdraw it!") for _ in range(4)]
    Input.objects.filter(pk__in=[c.pk for c in copies]).update(group=copies[0].pk)
    named = add_input(
        consultation,
        article=a12,
        comment="Define the terms.",
        author=people["named"],
        show_author=True,
        organisation=organisations[1],
    )
    private = add_input(consultation, article=a12, comment="Lower the penalty.", author=people["private"])
    anonymous = add_input(consultation, comment="Consult the public first.")
    decide_inputs(input=copies[0], actor=organiser, status="integrated")
    decide_inputs(
        input=copies[1], actor=organiser, status="merged", merged_into=copies[0].pk, whole_group=True
    )
    decide_inputs(input=named, actor=organiser, status="integrated")
    decide_inputs(
        input=private, actor=organiser, status="not_integrated", reason_en="Penalties are in chapter 4."
    )
    publish_position(consultation=consultation, actor=organiser)
    return {"copies": copies, "named": named, "private": private, "anonymous": anonymous}


def test_not_found_before_publication_even_for_its_organisers(organiser_client, consultation):
    assert organiser_client.get(PAGE.format("en")).status_code == 404
    assert organiser_client.get(PDF.format("en")).status_code == 404


def test_names_only_those_who_agreed(client, position, people):
    html = client.get(PAGE.format("en")).content.decode()
    assert "Sok Consenting (Cambodian Journalists Alliance)" in html
    assert "Chan Private" not in html
    assert html.count("Anonymous") == 2  # the one without an organisation, and the anonymous one
    assert "Lower the penalty." in html and "Penalties are in chapter 4." in html


def test_anonymous_inputs_leave_no_name_on_the_page(client, consultation, organiser, people, position):
    secret = add_input(consultation, comment="Protect sources.", show_author=False)
    decide_inputs(input=secret, actor=organiser, status="integrated")
    html = client.get(PAGE.format("km")).content.decode()
    assert "Protect sources." in html
    for person in people.values():
        if person != people["named"]:
            assert person.name_en not in html


def test_the_position_per_article_and_groups_once(client, position):
    html = client.get(PAGE.format("en")).content.decode()
    assert "Article 12: Content offences" in html and "The terms are vague." in html
    assert "Delete Article 12." in html and "Article 12 (deleted)." in html
    assert '<details class="draft-text"><summary>Text of the draft</summary>' in html
    assert html.count("Withdraw it") == 1 and "× 5" in html
    assert "Integrated" in html and "Merged into another input" in html
    assert f'href="#input-{position["copies"][0].pk}"' in html
    assert "The text as a whole" in html and "Consult the public first." in html and "Not decided yet" in html


def test_khmer_page_has_the_khmer_position(client, position):
    html = client.get(PAGE.format("km")).content.decode()
    assert "ពាក្យមិនច្បាស់លាស់។" in html and "× ៥" in html


def test_fixed_queries_then_the_cache_then_304(client, position):
    with CaptureQueriesContext(connection) as first:
        response = client.get(PAGE.format("en"))
    # the version (2), then the consultation, articles, findings, inputs and endorsements
    assert response.status_code == 200 and len(first) <= 7
    with CaptureQueriesContext(connection) as second:
        again = client.get(PAGE.format("en"), headers={"accept-encoding": "gzip"})
    assert again["Content-Encoding"] == "gzip" and len(second) == 0
    etag = response["ETag"]
    assert client.get(PAGE.format("en"), headers={"if-none-match": etag}).status_code == 304


def test_a_new_decision_changes_the_page(
    client, position, organiser, consultation, django_capture_on_commit_callbacks
):
    etag = client.get(PAGE.format("en"))["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        decide_inputs(input=position["anonymous"], actor=organiser, status="integrated")
    response = client.get(PAGE.format("en"), headers={"if-none-match": etag})
    assert response.status_code == 200 and "Not decided yet" not in response.content.decode()


def test_unpublished_again_it_is_gone(
    client, position, organiser, consultation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        unpublish_position(consultation=consultation, actor=organiser)
    assert client.get(PAGE.format("en")).status_code == 404


def test_the_public_pdf_is_cached_and_revalidated(client, position):
    response = client.get(PDF.format("km"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "public" in response["Cache-Control"]
    assert client.get(PDF.format("km"), headers={"if-none-match": response["ETag"]}).status_code == 304
    assert client.get(PDF.format("en"))["ETag"] != response["ETag"]


@pytest.fixture
def crowded(consultation, organiser):
    """Article 12 with 25 distinct inputs, in the order given; the position published."""
    a12 = article(consultation, "12")
    for n in range(1, 26):
        add_input(consultation, article=a12, comment=f"Point number {n:02}.")
    save_finding(consultation=consultation, article=a12, actor=organiser, finding_en="Too broad.")
    publish_position(consultation=consultation, actor=organiser)
    return a12


def test_a_crowded_place_shows_ten_and_links_to_its_own_pages(client, crowded, monkeypatch):
    html = client.get(PAGE.format("en")).content.decode()
    assert "Point number 10." in html and "Point number 11." not in html
    assert f'href="?place={crowded.pk}"' in html and "All 25 inputs or groups of near-copies here" in html
    place = client.get(PAGE.format("en") + f"?place={crowded.pk}").content.decode()
    assert all(f"Point number {n:02}." in place for n in range(1, 26))
    assert "Article 12: Content offences" in place and f'position/#{crowded.pk}"' in place
    monkeypatch.setattr("sala.advocacy.views.public.PER_PAGE", 10)
    third = client.get(PAGE.format("en") + f"?place={crowded.pk}&page=3").content.decode()
    assert "Point number 21." in third and "Point number 20." not in third and "Page 3 of 3" in third
    khmer = client.get(PAGE.format("km") + f"?place={crowded.pk}&page=2").content.decode()
    assert "ទំព័រទី ២ នៃ ៣" in khmer and "Point number 11." in khmer and "Point number 21." not in khmer


@pytest.mark.parametrize("query", ["place=abc", "place=999999", "place=text&page=x", "place=12&page=0"])
def test_a_place_or_page_that_is_not_there_is_not_found(client, crowded, query):
    assert client.get(PAGE.format("en") + "?" + query).status_code == 404


def test_a_place_page_is_cached_and_revalidated(client, crowded):
    url = PAGE.format("en") + f"?place={crowded.pk}"
    first = client.get(url)
    with CaptureQueriesContext(connection) as again:
        second = client.get(url)
    assert second.status_code == 200 and len(again) <= 2  # the version, cached after the first
    assert first["ETag"] != client.get(PAGE.format("en"))["ETag"]
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
