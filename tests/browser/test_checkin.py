"""Check-in at the door in Chromium, on a phone-sized screen.

An organiser finds a participant by part of their Khmer name and checks them in with one tap;
the same page works without JavaScript; and a QR code shown to a (fake) camera is decoded by
the vendored qr-scanner (headless Chromium has no BarcodeDetector) and finds its person.
"""

import re
from pathlib import Path

import pytest
import segno
from playwright.sync_api import Page, expect

from sala.attendance import links, services
from sala.attendance.models import CheckIn
from tests.browser import test_meeting_flows as flows
from tests.conftest import CHROMIUM_ARGS
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.browser

# The meeting flows' fixtures, shared: the live site, console problems, screenshots, the phone.
site, problems, shoot, browser_context_args = (
    flows.site,
    flows.problems,
    flows.shoot,
    flows.browser_context_args,
)

SLUG = "cybercrime-law-2014"


@pytest.fixture
def sothea(site, demo_meeting, organiser):
    """An invited participant the demo does not have, with a Khmer and a Latin name."""
    person = PersonFactory(
        name_en="Oum Sothea", name_km="អ៊ុំ សុធា", organisation=OrganisationFactory(acronym="KYDR")
    )
    services.invite_people(meeting=demo_meeting, people=[person], actor=organiser)
    return person


def checkin_page(site: str, lang: str = "en") -> str:
    return f"{site}/{lang}/manage/meetings/{SLUG}/check-in/"


def count_text(meeting, extra: int = 0) -> str:
    return f"{CheckIn.objects.filter(meeting=meeting).count() + extra} checked in of target 50–60"


def test_organiser_finds_a_participant_by_khmer_name_and_checks_them_in(
    page: Page, site, demo_meeting, organiser, sothea, problems, shoot
):
    flows.log_in(page, site, organiser)
    page.goto(checkin_page(site))
    count = page.locator("#checkin-count")
    expect(count).to_have_text(count_text(demo_meeting))
    page.evaluate("window.pageMark = 'still here'")

    page.get_by_role("searchbox").press_sequentially("សុធ", delay=50)  # part of អ៊ុំ សុធា
    row = page.locator(".checkin-row", has_text="Oum Sothea")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("អ៊ុំ សុធា")
    expect(page.locator(".checkin-row")).to_have_count(1)
    assert re.search(r"\?q=%E1%9E%9F", page.url)  # the search stays in the address
    shoot(page, "checkin-search")

    row.get_by_role("button", name="Check in").click()
    expect(count).to_have_text(re.compile(r"^\s*56 checked in"))  # counted again from the database
    expect(row).to_contain_text(re.compile(r"Checked in at \d\d:\d\d by organiser-test@example.org"))
    expect(row.get_by_role("link", name="Undo")).to_be_visible()
    assert CheckIn.objects.filter(meeting=demo_meeting, person=sothea).count() == 1
    assert page.evaluate("window.pageMark") == "still here"  # HTMX swapped the row and the count in place
    assert flows.has_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 360, "height": 740})
    assert flows.has_no_horizontal_scroll(page)
    shoot(page, "checkin-done")

    # A mistake: undo, after a confirmation in the row itself.
    row.get_by_role("link", name="Undo").click()
    page.get_by_role("button", name="Yes, undo the check-in").click()
    expect(count).to_have_text(re.compile(r"^\s*55 checked in"))
    expect(
        page.locator(".checkin-row", has_text="Oum Sothea").get_by_role("button", name="Check in")
    ).to_be_visible()
    assert not CheckIn.objects.filter(person=sothea).exists()
    flows.check_console(problems)


def test_check_in_works_without_javascript(
    browser, browser_context_args, site, demo_meeting, organiser, sothea
):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    flows.log_in(page, site, organiser)
    page.goto(checkin_page(site))
    page.get_by_role("searchbox").fill("សុធ")
    page.get_by_role("button", name="Search").click()
    page.locator(".checkin-row", has_text="Oum Sothea").get_by_role("button", name="Check in").click()
    expect(page.get_by_role("status").filter(has_text="Oum Sothea is checked in.")).to_be_visible()
    expect(page.locator(".checkin-row", has_text="Oum Sothea")).to_contain_text("Checked in at")
    expect(page.locator("#checkin-count")).to_have_text(count_text(demo_meeting))
    assert page.url.endswith("?q=%E1%9E%9F%E1%9E%BB%E1%9E%92")
    context.close()


def qr_video(text: str, path: Path, width: int = 640, height: int = 480) -> Path:
    """A few frames of a QR code on white, as a Y4M file Chromium's fake camera plays in a loop."""
    matrix = [list(row) for row in segno.make(text, error="m").matrix]
    scale = min(width, height) * 3 // 4 // (len(matrix) + 8)
    side = (len(matrix) + 8) * scale
    left, top = (width - side) // 2, (height - side) // 2
    luma = bytearray([235]) * (width * height)
    for y, line in enumerate(matrix):
        for x, dark in enumerate(line):
            if dark:
                for dy in range(scale):
                    start = (top + (y + 4) * scale + dy) * width + left + (x + 4) * scale
                    luma[start : start + scale] = bytes([16]) * scale
    chroma = bytes([128]) * (width * height // 4)
    frame = b"FRAME\n" + bytes(luma) + chroma + chroma
    path.write_bytes(f"YUV4MPEG2 W{width} H{height} F5:1 Ip A1:1 C420jpeg\n".encode() + frame * 5)
    return path


def test_a_qr_code_shown_to_the_camera_finds_its_person(
    browser_type, browser_context_args, site, demo_meeting, organiser, sothea, tmp_path
):
    token = sothea.invitations.get().token
    video = qr_video(links.invitation_link(token, "km"), tmp_path / "qr.y4m")
    camera = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    browser = browser_type.launch(executable_path="/usr/bin/chromium", args=[*CHROMIUM_ARGS, *camera])
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        flows.log_in(page, site, organiser)
        page.goto(checkin_page(site))
        assert page.evaluate("'BarcodeDetector' in window") is False  # so the vendored library decodes
        page.get_by_role("button", name="Scan QR code").click()
        row = page.locator("#code-result .checkin-row")
        expect(row).to_contain_text("Oum Sothea", timeout=15_000)
        expect(page.locator("video")).to_be_hidden()  # the camera is off again
        expect(page.get_by_role("button", name="Scan QR code")).to_be_visible()
        row.get_by_role("button", name="Check in").click()
        expect(row).to_contain_text("Checked in at")
        assert CheckIn.objects.filter(meeting=demo_meeting, person=sothea).count() == 1
        assert errors == []  # the worker and the library load under the CSP
    finally:
        context.close()
        browser.close()
