"""Forms on pages reached by a secret link work in a real browser.

Such pages must not send their address to other sites; with "no-referrer", Chromium posts
their forms with `Origin: null` and Django's CSRF check refuses them (403). This clicks
through an invitation's answer, as an invitee would, to keep that from coming back.
"""

import pytest
from playwright.sync_api import Page, expect

from sala.attendance.models import Invitation, Registration
from tests.browser import test_meeting_flows as flows

pytestmark = pytest.mark.browser

site, problems, browser_context_args = flows.site, flows.problems, flows.browser_context_args


def test_an_invitee_answers_their_invitation_in_the_browser(page: Page, site, demo_meeting, problems):
    invitation = Invitation.objects.filter(meeting=demo_meeting, answer="pending").first()
    Registration.objects.filter(meeting=demo_meeting, person=invitation.person).delete()
    page.goto(f"{site}/en/i/{invitation.token}/")
    page.get_by_role("button", name="I will come").click()
    expect(page.locator(".messages")).to_contain_text("Your place is confirmed")
    assert Registration.objects.get(meeting=demo_meeting, person=invitation.person).status == "confirmed"
