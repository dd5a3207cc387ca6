"""The live counts in Chromium, under the real CSP: they poll with If-None-Match, keep the block
on 304, show a new check-in, and stop asking while the page is hidden."""

import pytest
from playwright.sync_api import Page, expect

from sala.attendance.services import check_in, invite_people
from tests.factories import MeetingFactory, PersonFactory

pytestmark = pytest.mark.browser
PASSWORD = "pass-word-123"  # tests/factories.py UserFactory
POLL_SECONDS = 5


@pytest.fixture
def meeting(live_server, transactional_db, demo_meeting, organiser):
    meeting = MeetingFactory(consultation=demo_meeting.consultation, participants_min=2, participants_max=3)
    invite_people(meeting=meeting, people=PersonFactory.create_batch(2), actor=organiser)
    check_in(meeting=meeting, person=meeting.invitations.first().person, actor=organiser)
    return meeting


@pytest.fixture
def polls(page: Page) -> list[tuple[int, str | None]]:
    """Each request to the counts block: its status and the If-None-Match it sent."""
    seen = []
    page.on(
        "response",
        lambda r: (
            seen.append((r.status, r.request.headers.get("if-none-match")))
            if r.url.endswith("/attendance/counts/")
            else None
        ),
    )
    return seen


def set_visibility(page: Page, state: str) -> None:
    page.evaluate(
        """state => {
          Object.defineProperty(document, "visibilityState", {value: state, configurable: true});
          document.dispatchEvent(new Event("visibilitychange"));
        }""",
        state,
    )


def test_counts_poll_conditionally_and_pause_while_hidden(page: Page, live_server, meeting, organiser, polls):
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(organiser.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(f"{live_server.url}/en/manage/meetings/{meeting.slug}/attendance/")
    counts = page.locator("#counts")
    expect(counts).to_contain_text("1 checked in")
    expect(counts).to_contain_text("below target")

    page.wait_for_timeout((POLL_SECONDS + 1) * 1000)
    assert polls and polls[0][0] == 304 and polls[0][1]  # the page's own tag went with the first poll
    expect(counts).to_contain_text("1 checked in")  # a 304 keeps the block

    check_in(meeting=meeting, person=meeting.invitations.last().person, actor=organiser)
    expect(counts).to_contain_text("2 checked in", timeout=(POLL_SECONDS + 2) * 1000)
    expect(counts).to_contain_text("within target")
    assert 200 in [status for status, _tag in polls]

    set_visibility(page, "hidden")
    polls.clear()
    page.wait_for_timeout((POLL_SECONDS + 1) * 1000)
    assert polls == []
    set_visibility(page, "visible")  # asks at once, without waiting for the next tick
    page.wait_for_timeout(1000)
    assert [status for status, _tag in polls] == [304]

    assert problems == []  # CSP violations are console errors
