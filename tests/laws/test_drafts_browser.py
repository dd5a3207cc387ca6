"""The draft editor in Chromium on a phone: paste, correct inline with HTMX, publish, compare."""

import pytest
from playwright.sync_api import Page, expect

from sala.laws.models import Article, DraftVersion, Law
from sala.laws.services import drafts
from tests.browser import test_meeting_flows as flows
from tests.browser.test_meeting_flows import PHONE, check_console, has_no_horizontal_scroll, log_in

pytestmark = pytest.mark.browser
problems = flows.problems  # console errors, CSP violations among them

TEXT = """CHAPTER 1
GENERAL PROVISIONS

Article 1: Purpose
This law aims to prevent offences.

Article 3: Scope
This law applies in the Kingdom.
"""


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **PHONE}


@pytest.fixture
def site(live_server, transactional_db, demo_meeting):
    return live_server.url


def test_paste_correct_inline_and_publish(page: Page, site, organiser, problems):
    log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/laws/cybercrime-law/drafts/import/")
    page.get_by_label("Name of this version").fill("Draft V.2")
    page.get_by_label("Or paste its text").fill(TEXT)
    page.get_by_role("button", name="Read the draft").click()
    expect(page.get_by_text("Line 7: number 3 skips numbers")).to_be_visible()

    article = page.locator("#article-3")
    article.get_by_role("link", name="Edit").click()
    expect(article.get_by_label("Number")).to_be_visible()  # the form replaced the article in place
    article.get_by_label("Number").fill("2")
    article.get_by_role("button", name="Save").click()
    expect(page.locator("#article-2 h4")).to_have_text("Article 2: Scope")
    assert Article.objects.filter(draft__label="Draft V.2", number="2").exists()

    page.locator("#article-2").get_by_role("link", name="Add an article after this one").click()
    form = page.locator("#add-article")
    form.get_by_label("Number").fill("3")
    form.get_by_label("Text").fill("A new article.")
    form.get_by_role("button", name="Save").click()
    expect(page.locator("#article-3")).to_contain_text("A new article.")

    page.locator("#article-1").get_by_role("link", name="Edit").click()
    page.locator("#article-1").get_by_role("link", name="Cancel").click()
    expect(page.locator("#article-1 h4")).to_have_text("Article 1: Purpose")

    assert has_no_horizontal_scroll(page)
    page.get_by_role("button", name="Publish").click()
    page.get_by_role("button", name="Yes, publish it").click()
    expect(page.get_by_text("The version is published.")).to_be_visible()
    assert DraftVersion.objects.get(label="Draft V.2").status == "published"
    check_console(problems)


def test_compare_on_a_phone_and_the_public_text(page: Page, site, organiser, problems):
    law = Law.objects.get(slug="cybercrime-law")
    old = drafts.publish_draft(
        draft=drafts.import_draft(law=law, text=TEXT, label="Old", language="en", actor=organiser),
        actor=organiser,
    )
    new = drafts.import_draft(
        law=law,
        text=TEXT.replace("offences", "crimes"),
        label="New",
        language="en",
        actor=organiser,
        previous=old,
    )
    log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/laws/cybercrime-law/drafts/{new.pk}/compare/{old.pk}/")
    expect(page.locator("del")).to_have_text("offences")
    expect(page.locator("ins")).to_have_text("crimes")
    assert has_no_horizontal_scroll(page)
    page.goto(f"{site}/en/laws/cybercrime-law/drafts/{old.pk}/")
    page.get_by_text("Contents").click()
    page.get_by_role("link", name="Article 3: Scope").first.click()
    expect(page).to_have_url(f"{site}/en/laws/cybercrime-law/drafts/{old.pk}/#article-3")
    assert has_no_horizontal_scroll(page)
    check_console(problems)
