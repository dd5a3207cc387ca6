"""The public law tracker: what it shows, in which language, for how few queries, and 304s."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from sala.demo.laws_loader import load_laws
from sala.laws.models import DraftVersion, Law
from sala.laws.services import tracker
from sala.laws.templatetags.laws_tags import known_date
from tests.factories import LawFactory, MeetingFactory

pytestmark = pytest.mark.django_db
PAGE = "/{}/laws/cybercrime-law/"
LIST = "/{}/laws/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    translation.deactivate()  # a /km/ request leaves Khmer active for the tests that follow


@pytest.fixture
def law(organiser) -> Law:
    load_laws(organiser)
    return Law.objects.get(slug="cybercrime-law")


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_list_shows_each_law_with_its_latest_stage(client, law):
    html = client.get(LIST.format("en")).content.decode()
    assert html.count('class="badge"') == 8  # the fast-tracked laws of the 2014 concept note
    cybercrime = re.search(r"Cybercrime Law</a>.*?</article>", html, re.S).group(0)
    assert "Current stage: Ministry (2024)" in visible_text(cybercrime)
    assert "Public consultation held: No" in visible_text(cybercrime) and "Sensitivity: High" in cybercrime
    assert "Law on Trade Unions" in html and "not recorded yet" in html


def test_the_list_filters_by_stage_and_hides_discreet_laws(client, law):
    LawFactory(title_en="Secret Law", is_public=False)
    assert "Secret Law" not in client.get(LIST.format("en")).content.decode()
    ministry = client.get(LIST.format("en") + "?stage=ministry").content.decode()
    assert "Cybercrime Law" in ministry and "Trade Unions" not in ministry
    assert "Cybercrime Law" not in client.get(LIST.format("en") + "?stage=senate").content.decode()
    assert "Trade Unions" in client.get(LIST.format("en") + "?stage=nonsense").content.decode()


def test_the_list_is_paginated(client, law):
    for n in range(20):
        LawFactory(title_en=f"Zz law {n:02d}")
    first = client.get(LIST.format("en")).content.decode()
    second = client.get(LIST.format("en") + "?page=2").content.decode()
    assert "Zz law 19" not in first and "Zz law 19" in second and "Page 2 of 2" in second


def test_the_law_page_tells_its_history_with_dates_as_precise_as_known(client, law):
    html = client.get(PAGE.format("en")).content.decode()
    times = re.findall(r'<span class="time">([^<]+)</span>', html)
    assert times[:5] == ["2010", "May 2012", "August 2013", "27 February 2014", "April 2014"]
    assert len(times) == law.stages.count() and "Lead ministry: Ministry of Interior" in visible_text(html)
    sources = re.findall(r'<a href="(https?://[^"]+)" rel="([^"]+)">([^<]+)</a>', html)
    assert sources and all(rel == "noopener noreferrer nofollow" for _, rel, _ in sources)
    assert ("https://ifex.org/?p=249571", "noopener noreferrer nofollow", "IFEX") in sources
    assert "Cambodia: Scrap Draft Cybercrime Law" in html  # an analysis, linked
    assert 'href="/en/meetings/cybercrime-law-2014/"' in html  # the public meeting on it


def test_a_source_without_a_name_shows_its_site(client, law, organiser):
    tracker.add_stage(
        law=law,
        actor=organiser,
        stage="senate",
        date=timezone.localdate(),
        source_url="https://www.senate.gov.kh/x",
    )
    assert ">senate.gov.kh</a>" in client.get(PAGE.format("en")).content.decode()


def test_the_khmer_page_has_khmer_dates_and_digits(client, law):
    html = client.get(PAGE.format("km")).content.decode()
    times = re.findall(r'<span class="time">([^<]+)</span>', html)
    assert times[:5] == ["ឆ្នាំ២០១០", "ខែឧសភា ឆ្នាំ២០១២", "ខែសីហា ឆ្នាំ២០១៣", "ទី២៧ ខែកុម្ភៈ ឆ្នាំ២០១៤", "ខែមេសា ឆ្នាំ២០១៤"]
    assert not any(re.search(r"[0-9]", t) for t in times)
    assert "ក្រសួងមហាផ្ទៃ" in html and "ទី៥ ខែមិថុនា ឆ្នាំ២០១៤" in html  # ministry; the meeting's date


def test_only_public_meetings_and_published_drafts_are_listed(client, law):
    hidden = MeetingFactory(
        consultation=law.consultations.first(), visibility="invitation", title_en="Closed door"
    )
    DraftVersion.objects.create(law=law, label="Leaked draft V.1", language="en", status="published",
                                published_at=timezone.now())  # fmt: skip
    DraftVersion.objects.create(law=law, label="Unchecked import", language="en")
    html = client.get(PAGE.format("en")).content.decode()
    assert hidden.title_en not in html and "Unchecked import" not in html
    assert "Leaked draft V.1" in html


def test_a_discreet_law_is_not_found_except_by_its_organisers(client, law, participant, organiser):
    Law.objects.filter(pk=law.pk).update(is_public=False)
    assert client.get(PAGE.format("en")).status_code == 404
    client.force_login(participant)
    assert client.get(PAGE.format("en")).status_code == 404
    client.force_login(organiser)
    assert client.get(PAGE.format("en")).status_code == 200


def test_pages_cost_a_fixed_number_of_queries(client, law, django_assert_num_queries):
    with django_assert_num_queries(6):  # version; law; stages; analyses; drafts; meetings
        assert client.get(PAGE.format("en")).status_code == 200
    with django_assert_num_queries(1):  # the version; the page itself comes from the cache
        assert client.get(PAGE.format("en")).status_code == 200
    with django_assert_num_queries(3):  # version; count; one page of laws with their latest stage
        assert client.get(LIST.format("en")).status_code == 200
    for n in range(5):
        tracker.add_stage(law=law, actor=None, stage="senate", date=date(2024, 1, n + 1))
    with django_assert_num_queries(6):
        assert client.get(PAGE.format("km")).status_code == 200


def test_etag_answers_304_until_the_law_changes(client, law, organiser):
    etag = client.get(PAGE.format("en"))["ETag"]
    assert client.get(PAGE.format("en"), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(PAGE.format("en"), HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304  # after gzip
    assert client.get(PAGE.format("km"), HTTP_IF_NONE_MATCH=etag).status_code == 200
    tracker.add_stage(
        law=law, actor=organiser, stage="senate", date=timezone.localdate(), note_en="Passed on"
    )
    response = client.get(PAGE.format("en"), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Passed on" in response.content.decode()


def test_etag_changes_when_a_meeting_on_the_law_does(client, law, demo_meeting):
    etag = client.get(PAGE.format("en"))["ETag"]
    demo_meeting.title_en = "Renamed meeting"
    demo_meeting.save()
    response = client.get(PAGE.format("en"), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Renamed meeting" in response.content.decode()


def test_the_list_answers_304_per_filter(client, law):
    etag = client.get(LIST.format("en"))["ETag"]
    assert client.get(LIST.format("en"), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(LIST.format("en") + "?stage=senate", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_signed_in_visitors_get_a_page_of_their_own(client, law, organiser):
    client.force_login(organiser)
    response = client.get(PAGE.format("en"))
    assert "ETag" not in response and "private" in response["Cache-Control"]
    assert "Sign out" in response.content.decode()


def test_no_script_on_public_pages(client, law):
    for url in (PAGE.format("en"), LIST.format("km")):
        assert "<script" not in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("precision", "en", "km"),
    [
        ("day", "17 May 2012", "ទី១៧ ខែឧសភា ឆ្នាំ២០១២"),
        ("month", "May 2012", "ខែឧសភា ឆ្នាំ២០១២"),
        ("year", "2012", "ឆ្នាំ២០១២"),
    ],
)
def test_a_date_shows_as_far_as_it_is_known(precision, en, km):
    with translation.override("en"):
        assert known_date(date(2012, 5, 17), precision) == en
    with translation.override("km"):
        assert known_date(date(2012, 5, 17), precision) == km
