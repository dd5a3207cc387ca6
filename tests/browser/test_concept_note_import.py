"""An organiser makes a meeting from a real concept note (a two-day Word file) in Chromium."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sala.meetings.models import Meeting
from tests.browser.test_meeting_flows import check_console, log_in, problems, site  # noqa: F401 (fixtures)
from tests.support.shared import SHARED

pytestmark = pytest.mark.browser

SAMPLES = SHARED / "samples" / "concept-notes"
SAMPLE = SAMPLES / "04-cybersecurity-regional.docx"
READ_TITLE = "Regional Workshop on Digital Rights and the Draft Law on Cybersecurity"
CORRECTED = "Regional Workshop on Digital Rights and the Draft Cybersecurity Law"


@pytest.fixture
def sample() -> Path:
    if not SAMPLE.exists():
        pytest.skip(f"no sample concept note at {SAMPLE}")
    return SAMPLE


def test_organiser_imports_a_two_day_concept_note(page: Page, site, organiser, problems, sample):  # noqa: F811
    log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/")
    page.get_by_role("button", name="New meeting from a concept note").click()
    page.get_by_role("button", name="Continue").click()  # the organiser's one consultation

    page.get_by_label("Concept note file").set_input_files(sample)
    page.get_by_role("button", name="Read the concept note").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the new meeting")
    title = page.get_by_label("Title", exact=False).first
    expect(title).to_have_value(READ_TITLE)
    expect(page.locator("input[name=day]")).to_have_value("2021-10-14")
    expect(page.locator("input[name=last_day]")).to_have_value("2021-10-15")
    title.fill(CORRECTED)
    page.get_by_role("button", name="Create the meeting").click()

    expect(page.get_by_role("status")).to_have_text("The meeting is created from the concept note.")
    meeting = Meeting.objects.get(title_en=CORRECTED)
    assert page.url == f"{site}/en/manage/meetings/{meeting.slug}/"

    page.goto(f"{site}/en/meetings/{meeting.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CORRECTED)
    agenda = page.locator("#agenda")
    expect(agenda.locator(".agenda-day")).to_have_text(["Thursday 14 October 2021", "Friday 15 October 2021"])
    first_day, second_day = agenda.locator("ol.agenda").all()
    expect(first_day.locator(".agenda-item")).to_have_count(7)
    expect(second_day.locator(".agenda-item")).to_have_count(4)
    expect(second_day.locator(".agenda-item .time").last).to_have_text("11:30–12:00")
    expect(second_day.locator(".agenda-item").last.locator(".badge.tbc")).to_have_count(1)
    expect(agenda).to_contain_text(re.compile("Panel: cybersecurity laws in the region"))
    check_console(problems)
