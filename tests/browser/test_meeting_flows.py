"""The meeting's main flows in Chromium on a phone-sized screen.

Public page (English, Khmer, without JavaScript), the organiser's HTMX agenda editor, and a
facilitator's answer through their personal link. Full-page screenshots go to pytest-playwright's
output folder (test-results/, or --output).
"""

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from sala.core.models import AuditEntry
from sala.meetings.models import AgendaItem, Facilitator

pytestmark = pytest.mark.browser

SLUG = "cybercrime-law-2014"
PASSWORD = "pass-word-123"
PP = ZoneInfo("Asia/Phnom_Penh")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
         "has_touch": True}  # fmt: skip
EN_TIMES = ["07:30–08:00", "08:00–08:05", "08:05–08:15", "08:15–09:45",
            "09:45–10:00", "10:00–11:00", "11:00–11:30", "11:30–12:00"]  # fmt: skip


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, **PHONE}


@pytest.fixture
def site(live_server, transactional_db, demo_meeting):
    """The live server's address, with the demo meeting in its (transactional) database."""
    return live_server.url


@pytest.fixture
def problems(page: Page) -> list[str]:
    """Console errors (CSP violations and failed loads among them) and uncaught exceptions."""
    found = []

    def on_console(msg) -> None:
        if msg.type == "error":
            found.append(f"{msg.text} [{msg.location['url']}]")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


@pytest.fixture
def shoot(pytestconfig):
    folder = Path(pytestconfig.getoption("--output"))

    def shoot(page: Page, name: str) -> None:
        # caret="initial": hiding the caret leaves style="" on inputs, which htmx's settling
        # then copies onto the swapped-in inputs: a CSP violation the app did not cause.
        page.screenshot(path=folder / f"phone-{name}.png", full_page=True, caret="initial")

    return shoot


def check_console(problems: list[str], expected: str = "") -> None:
    """No console error (CSP violations included) but `expected`: Chromium logs every 4xx."""
    assert [p for p in problems if not (expected and expected in p)] == []


def has_no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


def log_in(page: Page, site: str, user) -> None:
    page.goto(f"{site}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Sign out")).to_be_visible()


def public_page(site: str, lang: str) -> str:
    return f"{site}/{lang}/meetings/{SLUG}/"


def saved_times() -> list[str]:
    """The agenda's times as stored, in Phnom Penh time."""
    items = AgendaItem.objects.filter(meeting__slug=SLUG).order_by("starts_at")
    return ["–".join(f"{t.astimezone(PP):%H:%M}" for t in (i.starts_at, i.ends_at)) for i in items]


# 1. The public page


def test_public_page_in_english(page: Page, site, problems, shoot):
    page.goto(public_page(site, "en"))

    agenda = page.locator("#agenda")
    expect(agenda.locator(".agenda-item")).to_have_count(8)
    expect(agenda.locator(".agenda-item .time")).to_have_text(EN_TIMES)
    expect(agenda.locator(".facilitators > li")).to_have_count(7)
    expect(agenda.get_by_text("to be confirmed", exact=True)).to_have_count(6)
    assert has_no_horizontal_scroll(page)
    shoot(page, "public-en")
    check_console(problems)


def test_public_page_in_khmer(page: Page, site, problems, shoot):
    page.goto(public_page(site, "km"))

    expect(page.locator("html")).to_have_attribute("lang", "km")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^កិច្ចប្រជុំពិគ្រោះយោបល់"))
    expect(page.get_by_text("ថ្ងៃព្រហស្បតិ៍ ទី៥ ខែមិថុនា ឆ្នាំ២០១៤")).to_be_visible()
    times = page.locator("#agenda .agenda-item .time")
    expect(times).to_have_count(8)
    expect(times.first).to_contain_text("៧:៣០")  # ០៧:៣០ or ៧:៣០: see the next test
    expect(times.last).to_have_text(re.compile("–១២:០០$"))
    expect(times.filter(has_text=re.compile("[0-9]"))).to_have_count(0)
    latin = re.compile("[A-Za-z]")  # the interface is in Khmer too
    expect(page.locator("#agenda h2")).not_to_have_text(latin)
    expect(page.locator("#agenda .badge.tbc")).to_have_count(6)
    expect(page.locator("#agenda .badge.tbc").first).not_to_have_text(latin)
    assert has_no_horizontal_scroll(page)
    shoot(page, "public-km")
    check_console(problems)


def test_khmer_times_follow_the_documented_convention(page: Page, site):
    page.goto(public_page(site, "km"))
    expect(page.locator("#agenda .agenda-item .time").first).to_have_text("៧:៣០–៨:០០")


def test_public_page_works_without_javascript(browser, browser_context_args, site):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    page.goto(public_page(site, "en"))
    expect(page.locator("#agenda .agenda-item .time")).to_have_text(EN_TIMES)
    context.close()


# 2. The organiser's agenda editor


def test_organiser_edits_an_agenda_item_with_htmx(page: Page, site, organiser, problems, shoot):
    log_in(page, site, organiser)
    agenda_url = f"{site}/en/manage/meetings/{SLUG}/agenda/"
    page.goto(agenda_url)
    assert page.evaluate("typeof htmx") == "object"
    page.evaluate("window.pageMark = 'still here'")
    navigations = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and navigations.append(frame.url))

    refreshments = page.locator("article", has=page.get_by_role("heading", name="Refreshments"))
    refreshments.get_by_role("link", name="Edit").click()
    editor = page.locator("article.item-editor")
    expect(editor).to_be_visible()

    def save(end: str, shift: bool, status: int) -> None:
        editor.get_by_label("Ends at").fill(end)
        editor.get_by_role("checkbox", name=re.compile("move", re.I)).set_checked(shift)
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            editor.get_by_role("button", name="Save").click()
        assert answer.value.status == status
        assert answer.value.request.header_value("HX-Request") == "true"

    # Longer, the rest left in place: it would overlap Session 2. Refused, nothing saved.
    save("10:05", shift=False, status=422)
    expect(editor.get_by_role("alert")).to_contain_text("overlaps “Refreshments” (09:45–10:05)")
    shoot(page, "agenda-editor")
    assert saved_times() == EN_TIMES

    # Longer, moving the rest: the last item would end at 12:05, after the meeting. Refused.
    save("10:05", shift=True, status=422)
    expect(editor.get_by_role("alert")).to_contain_text("is outside the meeting’s time")
    assert saved_times() == EN_TIMES

    # Shorter, moving the rest: saved; each following item starts 5 minutes earlier.
    save("09:55", shift=True, status=200)
    expect(page.get_by_role("status")).to_have_text("The agenda is saved.")
    expect(editor).to_have_count(0)
    moved = [*EN_TIMES[:4], "09:45–09:55", "09:55–10:55", "10:55–11:25", "11:25–11:55"]
    expect(page.locator("#agenda .agenda-item .time")).to_contain_text(moved)  # + the kind
    expect(page.get_by_text("Nothing planned from 11:55 to 12:00.")).to_be_visible()
    assert saved_times() == moved

    # HTMX swapped fragments: no navigation, and the page's JavaScript state survived.
    assert navigations == []
    assert page.url == agenda_url
    assert page.evaluate("window.pageMark") == "still here"
    check_console(problems, expected="status of 422 (Unprocessable Entity)")


# 3. A facilitator's answer


def test_facilitator_confirms_through_their_link(page: Page, site, organiser, problems, shoot):
    facilitator = Facilitator.objects.get(person__name_en="Soeung Saroeun")
    page.goto(f"{site}/en/f/{facilitator.token}/")
    expect(page.locator(".badge")).to_have_text("To be confirmed")

    page.get_by_role("radio", name="I confirm").check()
    page.get_by_label("Note to the organisers").fill("Glad to open the meeting.")
    page.get_by_role("button", name="Send my answer").click()

    expect(page.get_by_role("status")).to_have_text("Thank you. The organisers can see your answer.")
    expect(page.locator(".badge")).to_have_text("Confirmed")
    assert has_no_horizontal_scroll(page)
    shoot(page, "facilitator")

    facilitator.refresh_from_db()
    assert (facilitator.status, facilitator.note) == ("confirmed", "Glad to open the meeting.")
    entry = AuditEntry.objects.get(
        action="facilitator.answered", target=f"meetings.facilitator:{facilitator.pk}"
    )
    assert (entry.data["from"], entry.data["to"], entry.actor) == ("tbc", "confirmed", None)

    log_in(page, site, organiser)
    page.goto(f"{site}/en/manage/meetings/{SLUG}/")
    row = page.get_by_role("row").filter(has_text="Soeung Saroeun")
    expect(row.locator(".badge")).to_have_text("Confirmed")
    expect(row).to_contain_text("Glad to open the meeting.")
    check_console(problems)
