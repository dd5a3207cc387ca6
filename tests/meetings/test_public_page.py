import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sala.meetings import services
from tests.factories import AgendaItemFactory, MeetingFactory, pp

pytestmark = pytest.mark.django_db
PAGE = "/{}/meetings/cybercrime-law-2014/"
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_english_page_lists_the_agenda_and_facilitators(client, demo_meeting):
    html = client.get(PAGE.format("en")).content.decode()
    assert html.count('class="agenda-item') == 8
    assert "07:30" in html and "12:00" in html
    for name in [
        "Mi Nac",
        "Soeung Saroeun",
        "Ou Phanarith",
        "Pol Chanrithy",
        "Andrew Banome",
        "Lam Socheat",
        "Tek Vannara",
    ]:
        assert name in html
    assert html.count('class="badge tbc"') == 6
    assert 'href="tel:+85523220475"' in html
    assert "Thursday 5 June 2014" in html


def test_khmer_page_has_khmer_digits_and_no_english_ui(client, demo_meeting):
    html = client.get(PAGE.format("km")).content.decode()
    text = visible_text(html)
    assert re.search(r"៧:៣០\s*–\s*៨:០០", text) and "០៧:៣០" not in text and "១២:០០" in text
    assert not re.search(r"[0-9]", text), "Latin digits on a Khmer page"
    assert 'lang="km"' in html
    assert html.count('class="badge tbc"') == 6
    # Latin words may come only from the data itself (names, acronyms), never from the UI.
    from sala.people.models import Organisation, Person

    allowed = set()
    for value in [
        *Person.objects.values_list("name_en", flat=True),
        *Organisation.objects.values_list("acronym", flat=True),
        demo_meeting.venue_name_km,
        *demo_meeting.agenda_items.values_list("title_km", flat=True),
        *demo_meeting.agenda_items.values_list("facilitators__role_km", flat=True),
        *demo_meeting.agenda_items.values_list("sub_items__text_km", flat=True),
        "English",
    ]:  # the language switch names the other language in its own script
        allowed.update(LATIN_WORD.findall(value or ""))
    stray = set(LATIN_WORD.findall(visible_text(html))) - allowed
    assert not stray, f"English left on the Khmer page: {sorted(stray)}"


def test_page_uses_a_fixed_number_of_queries_and_then_the_cache(client, demo_meeting):
    with CaptureQueriesContext(connection) as first:
        assert client.get(PAGE.format("en")).status_code == 200
    assert len(first) <= 10
    with CaptureQueriesContext(connection) as second:
        response = client.get(PAGE.format("en"))
    assert response.status_code == 200 and len(second) == 0  # version and page both cached


def test_etag_answers_304_until_the_meeting_changes(
    client, demo_meeting, organiser, django_capture_on_commit_callbacks
):
    etag = client.get(PAGE.format("en"))["ETag"]
    assert client.get(PAGE.format("en"), HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(PAGE.format("km"), HTTP_IF_NONE_MATCH=etag).status_code == 200
    item = demo_meeting.agenda_items.get(kind="closing")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_agenda_item(item=item, actor=organiser, title_en="Way forward")
    response = client.get(PAGE.format("en"), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Way forward" in response.content.decode()


def test_now_and_next_show_while_the_meeting_runs(client, demo_meeting, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: pp(8, 20))
    html = client.get(PAGE.format("en")).content.decode()
    assert re.search(r"Now:</strong> Session 1", html)
    assert re.search(r"Next:</strong> Refreshments", html)
    monkeypatch.setattr(timezone, "now", lambda: pp(13))
    assert "Now:</strong>" not in client.get(PAGE.format("en")).content.decode()


def test_invitation_only_meeting_is_404_for_the_public(client, participant):
    meeting = MeetingFactory(visibility="invitation")
    for url in [
        f"/en/meetings/{meeting.slug}/",
        f"/en/meetings/{meeting.slug}/agenda.pdf",
        f"/meetings/{meeting.slug}/calendar.ics",
    ]:
        assert client.get(url).status_code == 404
    client.force_login(participant)
    assert client.get(f"/en/meetings/{meeting.slug}/").status_code == 404


def test_home_lists_public_meetings_only(client, demo_meeting):
    hidden = MeetingFactory(visibility="invitation", title_en="Secret meeting")
    html = client.get("/en/").content.decode()
    assert demo_meeting.title_en in html and hidden.title_en not in html


def test_strict_csp_and_no_inline_script(client, demo_meeting):
    response = client.get(PAGE.format("en"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode())
    assert not re.search(r'(href|src)="https?://', response.content.decode())


def test_cached_page_never_carries_one_visitors_message_or_query_to_another(demo_meeting):
    from django.test import Client

    from sala.meetings.models import Facilitator

    first, second = Client(), Client()
    first.get(PAGE.format("km") + "?fbclid=SECRET123")
    token = Facilitator.objects.first().token
    first.post(f"/en/f/{token}/", {"status": "confirmed"})  # leaves a "thank you" waiting
    assert "Thank you" in first.get(PAGE.format("en")).content.decode()
    for lang in ("en", "km"):
        html = second.get(PAGE.format(lang)).content.decode()
        assert "Thank you" not in html and "SECRET123" not in html


def test_a_missing_page_says_so_in_the_users_language(client, db):
    response = client.get("/km/meetings/no-such-meeting/")
    assert response.status_code == 404 and "រកមិនឃើញទំព័រ" in response.content.decode()
    assert "Page not found" in client.get("/en/meetings/no-such-meeting/").content.decode()


def test_gzip_page_revalidates_with_a_weak_etag_as_browsers_send_it(client, demo_meeting):
    import gzip

    plain = client.get(PAGE.format("en"))
    packed = client.get(PAGE.format("en"), HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert packed["ETag"] != plain["ETag"] and "Accept-Encoding" in packed["Vary"]
    weak = "W/" + packed["ETag"]
    again = client.get(PAGE.format("en"), HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=weak)
    assert again.status_code == 304 and not again.content


def test_an_agenda_over_several_days_is_grouped_by_day(client, db):
    meeting = MeetingFactory(starts_at=pp(8, day=10), ends_at=pp(12, day=11))
    for day, hour, title in [(10, 9, "First talk"), (10, 10, "Later talk"), (11, 9, "Second day talk")]:
        AgendaItemFactory(
            meeting=meeting, starts_at=pp(hour, day=day), ends_at=pp(hour + 1, day=day), title_en=title
        )
    html = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    days = re.findall(r'<h3 class="agenda-day">([^<]+)</h3>', html)
    assert days == ["Tuesday 10 June 2014", "Wednesday 11 June 2014"]
    second_day = html.split('<h3 class="agenda-day">Wednesday 11 June 2014')[1]
    assert "Second day talk" in second_day and "Later talk" not in second_day
    km = client.get(f"/km/meetings/{meeting.slug}/").content.decode()
    assert re.findall(r'<h3 class="agenda-day">([^<]+)</h3>', km)[1] == "ថ្ងៃពុធ ទី១១ ខែមិថុនា ឆ្នាំ២០១៤"


def test_a_one_day_agenda_has_no_day_headings(client, demo_meeting):
    assert "agenda-day" not in client.get(PAGE.format("en")).content.decode()
