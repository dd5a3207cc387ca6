"""The rapporteur writes the group's report on a phone, in Chromium (390x844).

What is typed reaches the server without a Save button, survives a reload, and survives a
dropped connection: kept in localStorage while offline, sent when the connection is back
(without typing again), and sent from the kept draft when the page was closed while offline.
The form also works without JavaScript, and the plenary view refreshes itself on a new report.
"""

import json
import time

import pytest
from playwright.sync_api import Page, expect

from sala.attendance.models import Invitation, Registration
from sala.participation.models import BreakoutGroup, GroupMember, GroupReport
from sala.participation.services import groups as services
from tests.browser import test_meeting_flows as flows

pytestmark = pytest.mark.browser

site, problems, shoot, browser_context_args = (
    flows.site,
    flows.problems,
    flows.shoot,
    flows.browser_context_args,
)

SLUG = "cybercrime-law-2014"


@pytest.fixture
def group(site, demo_meeting, organiser) -> BreakoutGroup:
    """Two groups of the demo's checked-in people; the first one's rapporteur writes."""
    for en, km in [("Privacy and personal data", "ឯកជនភាព"), ("Penalties", "ទោសទណ្ឌ")]:
        services.create_group(meeting=demo_meeting, topic_en=en, topic_km=km, actor=organiser)
    services.assign_groups(meeting=demo_meeting, actor=organiser)
    return BreakoutGroup.objects.filter(meeting=demo_meeting).select_related("rapporteur").first()


@pytest.fixture
def report_url(site, demo_meeting, group) -> str:
    ties = {"meeting": demo_meeting, "person": group.rapporteur}
    link = Invitation.objects.filter(**ties).first() or Registration.objects.get(**ties)
    return f"{site}/en/i/{link.token}/group/"


def stored(group) -> dict[str, str]:
    report = GroupReport.objects.filter(group=group).first()
    return {n: getattr(report, n) if report else "" for n in ("key_points", "recommendations", "questions")}


def eventually(check, timeout: float = 15.0) -> None:
    """Poll the database until `check()` holds: the browser saves on its own schedule."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the text never reached the server"
        time.sleep(0.2)


def draft(page: Page) -> dict | None:
    key = page.locator("form[data-autosave]").get_attribute("data-draft-key")
    kept = page.evaluate("key => window.localStorage.getItem(key)", key)
    return json.loads(kept) if kept else None


def test_the_report_survives_a_reload_and_a_dropped_connection(
    page: Page, context, report_url, group, problems, shoot
):
    page.goto(report_url)
    expect(page.get_by_text("that is you")).to_be_visible()
    status = page.locator("[data-save-status]")
    key_points = page.get_by_label("Key points of the discussion")
    recommendations = page.get_by_label("Recommendations")

    # 1. Typed, saved without pressing anything, still there after a reload.
    key_points.press_sequentially("Article 12 is too vague.", delay=20)
    expect(status).to_have_text("Saved")
    eventually(lambda: stored(group)["key_points"] == "Article 12 is too vague.")
    assert draft(page) is None  # confirmed by the server: nothing left to keep
    page.reload()
    expect(key_points).to_have_value("Article 12 is too vague.")
    assert flows.has_no_horizontal_scroll(page)
    shoot(page, "group-report")

    # 2. The connection drops: the text is kept on the phone, and sent once it is back.
    context.set_offline(True)
    recommendations.press_sequentially("Delete Article 13.", delay=20)
    expect(status).to_have_text("Offline, will save when back")
    kept = draft(page)
    assert kept is not None and kept["texts"]["recommendations"] == "Delete Article 13."
    time.sleep(1.5)
    assert stored(group)["recommendations"] == ""
    shoot(page, "group-report-offline")
    context.set_offline(False)  # no typing after this
    eventually(lambda: stored(group)["recommendations"] == "Delete Article 13.")
    expect(status).to_have_text("Saved")
    assert draft(page) is None

    # 3. Offline again, and the page is closed: the draft kept on the phone is sent when it reopens.
    context.set_offline(True)
    page.get_by_label("Questions for the plenary").press_sequentially("Who oversees the Committee?", delay=20)
    expect(status).to_have_text("Offline, will save when back")
    assert draft(page)["texts"]["questions"] == "Who oversees the Committee?"
    page.close()
    assert stored(group)["questions"] == ""
    context.set_offline(False)
    reopened = context.new_page()
    reopened.goto(report_url)
    expect(reopened.get_by_label("Questions for the plenary")).to_have_value("Who oversees the Committee?")
    eventually(lambda: stored(group)["questions"] == "Who oversees the Committee?")
    expect(reopened.locator("[data-save-status]")).to_have_text("Saved")
    assert stored(group) == {
        "key_points": "Article 12 is too vague.",
        "recommendations": "Delete Article 13.",
        "questions": "Who oversees the Committee?",
    }
    flows.check_console(problems, expected="ERR_INTERNET_DISCONNECTED")


def test_a_newer_text_from_another_phone_is_shown_and_nothing_is_lost(
    page: Page, report_url, group, problems
):
    page.goto(report_url)
    services.save_report(  # the same rapporteur, on a laptop, after this page was opened
        group=group, key_points="Written on the laptop", recommendations="", questions="", base_revision=0
    )
    page.get_by_label("Key points of the discussion").press_sequentially("Written on the phone", delay=20)
    status = page.locator("[data-save-status]")
    expect(status).to_contain_text("Someone else saved this report")
    expect(page.locator("[data-newer]")).to_contain_text("Written on the laptop")
    expect(page.get_by_label("Key points of the discussion")).to_have_value("Written on the phone")
    assert stored(group)["key_points"] == "Written on the laptop"
    # Having seen both, the writer puts them together and saves on purpose.
    page.get_by_label("Key points of the discussion").fill("Written on the laptop. Written on the phone")
    page.get_by_role("button", name="Save").click()
    expect(status).to_have_text("Saved")
    eventually(lambda: stored(group)["key_points"] == "Written on the laptop. Written on the phone")
    flows.check_console(problems, expected="409")


def test_the_report_form_works_without_javascript(browser, browser_context_args, report_url, group):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.goto(report_url)
    page.get_by_label("Key points of the discussion").fill("Saved with the button")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    expect(page.get_by_label("Key points of the discussion")).to_have_value("Saved with the button")
    assert stored(group)["key_points"] == "Saved with the button"
    context.close()


def test_the_plenary_refreshes_itself_when_the_report_changes(page: Page, site, organiser, group, problems):
    flows.log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/meetings/{SLUG}/groups/plenary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy and personal data")
    expect(page.get_by_text("The rapporteur has not written the report yet.")).to_be_visible()
    page.evaluate("window.pageMark = 'still here'")
    services.save_report(
        group=group,
        key_points="Targeted preservation only",
        recommendations="",
        questions="",
        base_revision=0,
    )
    expect(page.get_by_text("Targeted preservation only")).to_be_visible(timeout=10_000)
    assert page.evaluate("window.pageMark") == "still here"
    page.get_by_role("button", name="Next group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Penalties")
    flows.check_console(problems)


def test_organiser_moves_a_person_by_choosing_their_group(
    page: Page, site, organiser, group, problems, shoot
):
    member = group.members.exclude(person=group.rapporteur).select_related("person").first().person
    other = BreakoutGroup.objects.exclude(pk=group.pk).get(meeting=group.meeting)
    flows.log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/meetings/{SLUG}/groups/")
    expect(page.locator(".group-card")).to_have_count(2)
    page.evaluate("window.pageMark = 'still here'")
    page.get_by_label(f"Group of {member}").select_option(label=other.topic_en)
    expect(page.get_by_role("status")).to_contain_text(f"{member} is in “{other.topic_en}” now.")
    expect(page.locator(f"#group-{other.pk}")).to_contain_text(str(member))
    assert page.evaluate("window.pageMark") == "still here"  # only the board was swapped
    assert GroupMember.objects.get(person=member).group == other
    assert flows.has_no_horizontal_scroll(page)
    shoot(page, "groups-board")
    flows.check_console(problems)
