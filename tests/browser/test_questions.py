"""The live Q&A in Chromium: two participants on phones, a moderator and the projector, each in
their own browser context, under the real CSP.

Participant A asks anonymously while pre-moderation is on; the moderator approves; participant
B upvotes; the moderator marks it answered. The projector, which refreshes itself by polling,
shows each step within 5 seconds (waited for on the page, never slept), and in the end the
question's row names no one.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from sala.demo.questions_loader import first_session
from sala.participation.models import Question
from tests.browser import test_meeting_flows as flows

pytestmark = pytest.mark.browser

site, browser_context_args = flows.site, flows.browser_context_args
TEXT = "Who may order a website blocked under Article 5, and can its owner appeal to a court?"
WITHIN = 5000  # ms: the projector polls every 3 s
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}


class Watched:
    """Pages opened in their own contexts, each with its console watched for errors (CSP included)."""

    def __init__(self, browser: Browser, folder: Path):
        self.browser, self.folder = browser, folder
        self.contexts: list[BrowserContext] = []
        self.problems: list[str] = []

    def page(self, **context_args) -> Page:
        context = self.browser.new_context(**context_args)
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: self.problems.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        return page

    def shoot(self, page: Page, name: str) -> None:
        page.screenshot(path=self.folder / f"questions-{name}.png", full_page=True, caret="initial")

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def watched(browser, pytestconfig):
    opened = Watched(browser, Path(pytestconfig.getoption("--output")))
    yield opened
    opened.close()


def test_anonymous_question_approved_upvoted_answered_live_on_the_projector(
    watched, site, demo_meeting, organiser, browser_context_args
):
    session = first_session(demo_meeting)
    people = demo_meeting.invitations.select_related("person").order_by("pk")
    link_a, link_b = people[0], people[1]

    moderator = watched.page(**DESKTOP)
    flows.log_in(moderator, site, organiser)
    moderator.goto(f"{site}/en/manage/meetings/{demo_meeting.slug}/questions/")
    moderator.get_by_role("link", name=session.title_en).click()
    moderator.get_by_text("Settings", exact=True).click()
    moderator.get_by_label("Questions wait for a moderator's approval").check()
    moderator.get_by_role("button", name="Save the settings").click()
    expect(moderator.get_by_text("Each question waits for approval.")).to_be_visible()
    queue_url = moderator.url

    projector = moderator.context.new_page()
    projector.set_viewport_size(PROJECTOR["viewport"])
    projector.on("console", lambda msg: watched.problems.append(msg.text) if msg.type == "error" else None)
    projector.goto(queue_url + "projector/")
    shown = projector.locator(".projector-top .projector-question", has_text=TEXT)
    done = projector.locator(".projector-answered li", has_text=TEXT)
    expect(projector.locator("h1")).to_have_text(session.title_en)

    phone_a = watched.page(**browser_context_args)
    phone_a.goto(f"{site}/en/i/{link_a.token}/questions/{session.pk}/")
    phone_b = watched.page(**browser_context_args)
    phone_b.goto(f"{site}/en/i/{link_b.token}/questions/{session.pk}/")
    assert flows.has_no_horizontal_scroll(phone_b)

    # A asks anonymously: it waits for approval, so no one else sees it yet.
    phone_a.get_by_label("Your question").fill(TEXT)
    phone_a.get_by_label("Ask anonymously").check()
    phone_a.get_by_role("button", name="Send my question").click()
    expect(phone_a.get_by_role("status")).to_have_text(
        "Thank you. Your question is sent without your name; it shows in the list once approved."
    )
    expect(phone_a.get_by_label("Your question")).to_have_value("")
    watched.shoot(phone_a, "asked")
    waiting = moderator.locator(".qa-pending", has_text=TEXT)
    expect(waiting).to_be_visible(timeout=WITHIN)  # the queue polled it in
    expect(shown).to_have_count(0)
    expect(phone_b.locator(".qa-question", has_text=TEXT)).to_have_count(0)

    # The moderator approves: the projector and B's phone show it.
    waiting.get_by_role("button", name="Approve").click()
    expect(shown).to_have_count(1, timeout=WITHIN)
    expect(shown.locator(".projector-votes")).to_have_text("0")
    on_b = phone_b.locator(".qa-question", has_text=TEXT)
    expect(on_b).to_contain_text("Anonymous", timeout=WITHIN)

    # B upvotes: the projector's count follows.
    on_b.get_by_role("button", name="Upvote").click()
    expect(on_b.get_by_role("button", name="Upvoted")).to_have_attribute("aria-pressed", "true")
    expect(on_b.locator(".qa-count")).to_have_text("1")
    expect(shown.locator(".projector-votes")).to_have_text("1", timeout=WITHIN)
    watched.shoot(phone_b, "upvoted")
    watched.shoot(projector, "projector")

    # The moderator marks it answered: the projector moves it to the answered ones.
    open_one = moderator.locator(".qa-approved", has_text=TEXT)
    expect(open_one).to_contain_text("1 upvote", timeout=WITHIN)
    open_one.get_by_role("button", name="Mark answered").click()
    expect(done).to_contain_text("Answered", timeout=WITHIN)
    expect(shown).to_have_count(0)
    expect(phone_a.locator(".qa-answered", has_text=TEXT)).to_be_visible(timeout=WITHIN)
    watched.shoot(moderator, "queue")

    question = Question.objects.get(text=TEXT)
    assert (question.author, question.status, question.votes) == (None, "answered", 1)
    assert projector.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    assert watched.problems == []
