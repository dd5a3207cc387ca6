"""Sign-in sheet, attendance list and workbook: what they list, Khmer shaped, every export audited."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from sala.attendance.models import Category, Invitation, Registration
from sala.attendance.services import answer_invitation, check_in, invite_people, register_person
from sala.core.models import AuditEntry
from tests.factories import MeetingFactory, OrganisationFactory, PersonFactory
from tests.support.pdfcheck import check_pdf

pytestmark = pytest.mark.django_db

LONG_KHMER_NAME = "សម្តេចព្រះមហាក្សត្រីយានីនរោត្តមមុនិនាថសីហនុព្រះវររាជមាតាជាតិខ្មែរ"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def meeting(demo_meeting):
    """Next week's meeting of the demo's consultation (so its organisers manage it), 3 places."""
    starts = timezone.now() + timedelta(days=7)
    return MeetingFactory(
        consultation=demo_meeting.consultation,
        venue_name_en="KSSA/ICF Center",
        venue_name_km="មជ្ឈមណ្ឌល KSSA/ICF",
        starts_at=starts,
        ends_at=starts + timedelta(hours=4),
        capacity=3,
    )


@pytest.fixture
def people(meeting, organiser):
    """Who is expected, who is not, and who came (see each name); the meeting is full."""
    legal = OrganisationFactory(name_en="Cambodian Bar Association", acronym="BAKC", type="legal")
    made = {
        "came": PersonFactory(name_en="Sok Dara", name_km="សុខ ដារ៉ា", gender="woman", organisation=legal),
        "long": PersonFactory(name_en="Norodom Long", name_km=LONG_KHMER_NAME, gender="woman"),
        "no_answer": PersonFactory(name_en="Chan Pending", name_km="ចាន់ សុភាព", gender="man"),
        "declined": PersonFactory(name_en="Keo Declined", name_km="កែវ ពិសី", gender="man"),
        "formula": PersonFactory(name_en='=HYPERLINK("http://evil.example","x")', gender="man"),
        "waiting": PersonFactory(name_en="Tep Waiting", gender="another"),
    }
    invite_people(meeting=meeting, people=[made["came"], made["long"], made["no_answer"]], actor=organiser)
    invite_people(meeting=meeting, people=[made["declined"]], category=Category.OBSERVER, actor=organiser)
    for name, accept in (("came", True), ("long", True), ("declined", False)):
        answer_invitation(invitation=Invitation.objects.get(person=made[name]), accept=accept)
    for name in ("formula", "waiting"):
        register_person(meeting=meeting, person=made[name], source=Registration.Source.FORM)
    check_in(meeting=meeting, person=made["came"], actor=organiser)
    return made


def url(meeting, name: str, lang: str = "en") -> str:
    return f"/{lang}/manage/meetings/{meeting.slug}/attendance/{name}"


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def font_names(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts |= {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    return fonts


def exports_of(meeting, actor) -> list[dict]:
    entries = AuditEntry.objects.filter(action="export.people", scope=f"meetings.meeting:{meeting.pk}")
    return [{k: e.data[k] for k in ("kind", "rows")} for e in entries.filter(actor=actor).order_by("pk")]


def assert_private_file(response, content_type: str) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


# Sign-in sheet


@pytest.mark.parametrize("lang", ["en", "km"])
def test_sign_in_sheet_is_landscape_and_shapes_khmer_names(
    organiser_client, organiser, meeting, people, lang
):
    response = organiser_client.get(url(meeting, "sign-in-sheet.pdf", lang))

    assert_private_file(response, "application/pdf")
    assert response["Content-Disposition"] == f'inline; filename="{meeting.slug}-sign-in-sheet-{lang}.pdf"'
    assert check_pdf(response.content, pages=None) == []  # no .notdef, dotted circle, overflow
    assert any("Noto-Sans-Khmer" in name for name in font_names(response.content))
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert page.mediabox.width > page.mediabox.height
    assert exports_of(meeting, organiser) == [{"kind": "sign-in-sheet", "rows": 5}]


def test_sign_in_sheet_lists_the_people_expected_by_name(organiser_client, meeting, people):
    text = pdf_text(organiser_client.get(url(meeting, "sign-in-sheet.pdf")).content)

    names = ["=HYPERLINK", "Chan Pending", "Norodom Long", "Sok Dara", "Tep Waiting"]
    assert sorted(names, key=text.index) == names
    assert "Keo Declined" not in text
    assert re.search(r"Chan Pending\s*\(no answer yet\)", text)
    assert re.search(r"Tep Waiting\s*\(waiting list\)", text)
    assert not re.search(r"Sok Dara\s*\(", text)
    assert "BAKC" in text and "Signature" in text and "KSSA/ICF Center" in text


def test_sign_in_sheet_numbers_its_pages(organiser_client, organiser, meeting):
    invite_people(meeting=meeting, people=PersonFactory.create_batch(20), actor=organiser)
    pdf = organiser_client.get(url(meeting, "sign-in-sheet.pdf")).content
    assert check_pdf(pdf, pages=None) == []
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 1
    assert [f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, 1)] == [True] * len(pages)
    assert all(text.count("Signature") == 1 for text in pages)  # the heading row on every page


@pytest.mark.parametrize("name", ["sign-in-sheet.pdf", "attendance-list.pdf"])
def test_demo_meeting_files_render_cleanly_in_khmer(organiser_client, demo_meeting, name):
    """The demo's many Khmer names and organisations, on every page."""
    pdf = organiser_client.get(f"/km/manage/meetings/{demo_meeting.slug}/attendance/{name}").content
    assert check_pdf(pdf, pages=None) == []


def test_sign_in_sheet_check_catches_an_unshaped_name(organiser_client, organiser, meeting, people):
    """Negative control: the same sheet with a broken Khmer name must fail the image check."""
    broken = PersonFactory(name_en="Broken Name", name_km="\u17d2ក")
    invite_people(meeting=meeting, people=[broken], actor=organiser)
    problems = check_pdf(organiser_client.get(url(meeting, "sign-in-sheet.pdf", "km")).content)
    assert any("dotted circle" in p for p in problems), problems


# Attendance list


@pytest.mark.parametrize("lang", ["en", "km"])
def test_attendance_list_has_who_came_and_the_totals(organiser_client, organiser, meeting, people, lang):
    response = organiser_client.get(url(meeting, "attendance-list.pdf", lang))

    assert_private_file(response, "application/pdf")
    assert check_pdf(response.content, pages=None) == []
    text = pdf_text(response.content)
    assert "Sok Dara" in text and "Norodom Long" not in text and "Chan Pending" not in text
    if lang == "en":
        assert "BAKC" in text and "Participant" in text
        assert re.search(r"Woman\s*1", text) and re.search(r"Legal profession\s*1", text)
    assert exports_of(meeting, organiser) == [{"kind": "attendance-list", "rows": 1}]


# Workbook


def test_workbook_has_everyone_and_the_figures(organiser_client, organiser, meeting, people):
    response = organiser_client.get(url(meeting, "attendance.xlsx"))

    assert_private_file(response, XLSX)
    assert response["Content-Disposition"] == f'attachment; filename="{meeting.slug}-attendance-en.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Attendance", "Figures"]
    sheet = book["Attendance"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "Name in Latin script",
        "Name in Khmer script",
        "Title",
        "Gender",
        "Organisation",
        "Organisation type",
        "Category",
        "Invitation answer",
        "Registration",
        "Checked in at",
        "Email",
        "Phone",
    ]
    assert all(c.font.b for c in sheet[1]) and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width > 10 and sheet.column_dimensions["B"].width > 10
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 6
    dara = rows["Sok Dara"]
    assert dara[1] == "សុខ ដារ៉ា" and dara[3] == "Woman" and dara[4] == "Cambodian Bar Association"
    assert dara[5] == "Legal profession" and dara[6] == "Participant" and dara[7] == "Accepted"
    assert abs(dara[9] - timezone.localtime().replace(tzinfo=None)) < timedelta(minutes=5)
    assert rows["Keo Declined"][7] == "Declined" and rows["Keo Declined"][9] is None
    assert rows["Norodom Long"][1] == LONG_KHMER_NAME and rows["Norodom Long"][8] == "Registered"
    assert {sheet.cell(row=r, column=2).font.name for r in range(1, sheet.max_row + 1)} == {"Khmer OS"}
    assert exports_of(meeting, organiser) == [{"kind": "attendance", "rows": 6}]


def test_workbook_figures_sheet(organiser_client, meeting, people):
    book = load_workbook(io.BytesIO(organiser_client.get(url(meeting, "attendance.xlsx")).content))
    values = [tuple(row) for row in book["Figures"].iter_rows(values_only=True)]
    assert ("Checked in", 1) in values and ("Invited", 4) in values and ("Declined", 1) in values
    assert ("Registered", 3) in values and ("On the waiting list", 1) in values
    assert (
        ("By gender", "Checked in") in values and ("Woman", 1) in values and ("Another gender", 0) in values
    )
    assert ("Legal profession", 1) in values and ("Media", 0) in values


def test_workbook_keeps_a_typed_formula_as_text(organiser_client, meeting, people):
    book = load_workbook(io.BytesIO(organiser_client.get(url(meeting, "attendance.xlsx")).content))
    [cell] = [c for c in book["Attendance"]["A"] if str(c.value).startswith("=")]
    assert cell.data_type == "s"


def test_workbook_in_khmer_has_khmer_headings_and_labels(organiser_client, meeting, people):
    response = organiser_client.get(url(meeting, "attendance.xlsx", "km"))
    assert response["Content-Disposition"].endswith(f'filename="{meeting.slug}-attendance-km.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 2


def test_the_audit_log_names_each_export_in_the_readers_language(organiser_client, demo_meeting):
    organiser_client.get(f"/en/manage/meetings/{demo_meeting.slug}/attendance/sign-in-sheet.pdf")
    log = organiser_client.get(f"/km/manage/meetings/{demo_meeting.slug}/audit/").content.decode()
    assert "សន្លឹកចុះហត្ថលេខា (PDF)" in log
