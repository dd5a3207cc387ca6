"""The expected outcomes and the report preview in Chromium, on a phone-sized screen.

An organiser chooses how an outcome is judged: the form is saved through HTMX and the statuses
above it change in place; the report page shows its preview without a console error (the CSP
forbids style attributes, so the report's tables take their widths from classes).
"""

import pytest
from playwright.sync_api import Page, expect

from sala.advocacy.models import OutcomeRule
from tests.browser import test_meeting_flows as flows

pytestmark = pytest.mark.browser

site, problems, shoot, browser_context_args = (
    flows.site,
    flows.problems,
    flows.shoot,
    flows.browser_context_args,
)
SLUG = "cybercrime-law-2014"


def test_choosing_a_rule_updates_the_statuses_in_place(
    page: Page, site, problems, shoot, demo_meeting, organiser
):
    flows.log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/meetings/{SLUG}/outcomes/")
    statuses = page.locator("#outcome-status tbody tr")
    expect(statuses).to_have_count(3)
    expect(statuses.first).to_contain_text("No rule chosen")

    outcome = demo_meeting.outcomes.first()
    form = page.locator(f"#rule-{outcome.pk}")
    form.get_by_label("How it is judged").select_option("attendance")
    form.get_by_label("Partly met from (%)").fill("៥")  # Khmer digits are fine
    form.get_by_role("button", name="Save the rule").click()

    expect(page.locator(f"#rule-{outcome.pk}").get_by_role("status")).to_be_visible()
    expect(statuses.first).to_contain_text("Met")  # the demo's 55 checked in, for at least 50
    expect(statuses.first).to_contain_text("Checked in: 55, 110% of the target of 50 (partly met from 5%).")
    assert OutcomeRule.objects.get(outcome=outcome).partly_share == 5
    assert flows.has_no_horizontal_scroll(page)
    shoot(page, "outcomes-en")
    flows.check_console(problems)


def test_the_report_preview(page: Page, site, problems, shoot, organiser):
    flows.log_in(page, site, organiser)
    page.goto(f"{site}/km/manage/meetings/{SLUG}/report/")
    expect(page.locator(".report-preview h1")).to_have_text(
        "កិច្ចប្រជុំពិគ្រោះយោបល់លើសេចក្តីព្រាងច្បាប់ស្តីពីឧក្រិដ្ឋកម្មតាមប្រព័ន្ធបច្ចេកវិទ្យា"
    )
    expect(page.locator(".report-preview table.agenda tbody tr")).to_have_count(8)
    assert flows.has_no_horizontal_scroll(page)
    shoot(page, "report-km")
    flows.check_console(problems)
