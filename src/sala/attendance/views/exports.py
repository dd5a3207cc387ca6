"""Files of a meeting's people for its organisers: sign-in sheet, attendance list, workbook.

Each file is personal data leaving Sala: only the meeting's organisers get it, the export is
written to the audit log before the file is sent, and nothing keeps a copy (no ETag, no-store).
"""

import io
from collections.abc import Callable, Iterable
from datetime import datetime

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import View
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from sala.core.khmer import local
from sala.core.models.bilingual import active_language
from sala.core.pdf import render_pdf
from sala.meetings.views.exports import page_footer_css
from sala.people.models import Organisation, Person

from ..models import Invitation, Registration
from ..queries import Figures, PersonRow, attendance_figures, people_rows
from ..services.exports import record_export
from .base import ExportMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheet apps do not fall back to a Khmer font by themselves: name one that has both scripts.
SHEET_FONT = "Khmer OS"
MAX_COLUMN_WIDTH = 50
BLANK_LINES = 5


class ExportView(ExportMixin, View):
    """Build the file, record the export, send the file; subclasses say what the file is."""

    kind: str  # in the audit entry and the file name
    extension = "pdf"
    content_type = "application/pdf"
    as_attachment = False  # PDFs open in the browser, to be printed

    def get(self, request, *args, **kwargs):
        body, rows = self.build()
        record_export(meeting=self.meeting, actor=request.user, kind=self.kind, rows=rows)
        response = HttpResponse(body, content_type=self.content_type)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=self.as_attachment,
            filename=f"{self.meeting.slug}-{self.kind}-{active_language()}.{self.extension}",
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def build(self) -> tuple[bytes, int]:
        """The file and how many people it lists."""
        raise NotImplementedError


class PdfExportView(ExportView):
    template_name: str

    def build(self) -> tuple[bytes, int]:
        lines = self.lines()
        lang = active_language()
        context = {
            "meeting": self.meeting,
            "lines": lines,
            "lang": lang,
            "page_footer": page_footer_css(lang),
            **self.extra_context(lines),
        }
        return render_pdf(render_to_string(self.template_name, context)), len(lines)

    def lines(self) -> list:
        raise NotImplementedError

    def extra_context(self, lines: list) -> dict:
        return {}


class SignInSheetView(PdfExportView):
    """Printed before the meeting: everyone expected, to sign at the door."""

    kind = "sign-in-sheet"
    template_name = "attendance/pdf/sign_in_sheet.html"

    def lines(self) -> list[tuple[PersonRow, str]]:
        return [(row, sign_in_note(row)) for row in by_name(people_rows(self.meeting)) if is_expected(row)]

    def extra_context(self, lines: list) -> dict:
        """Numbered empty lines at the end, for people nobody expected."""
        return {"blank_numbers": range(len(lines) + 1, len(lines) + 1 + BLANK_LINES)}


class AttendanceListView(PdfExportView):
    """Printed after the meeting: who came, with the totals donors ask for."""

    kind = "attendance-list"
    template_name = "attendance/pdf/attendance_list.html"

    def lines(self) -> list[PersonRow]:
        return by_name(people_rows(self.meeting, status="here"))

    def extra_context(self, lines: list) -> dict:
        return {"figures": attendance_figures(self.meeting)}


class WorkbookView(ExportView):
    """Everyone with a tie to the meeting and the figures, for the secretariat's own reports."""

    kind = "attendance"
    extension = "xlsx"
    content_type = XLSX
    as_attachment = True

    def build(self) -> tuple[bytes, int]:
        rows = by_name(people_rows(self.meeting))
        return workbook(rows, attendance_figures(self.meeting)), len(rows)


def by_name(rows: Iterable[PersonRow]) -> list[PersonRow]:
    """In the order of the names as the reader sees them (Khmer names on a Khmer sheet)."""
    return sorted(rows, key=lambda row: (row.person.name.casefold(), row.person.pk))


def is_expected(row: PersonRow) -> bool:
    """Whether the person may come to the door, so needs a line on the sign-in sheet.

    A registration decides when there is one (a place, or a place on the waiting list); an
    invitation without one only while it is unanswered. Nobody whose personal data was
    removed: no name is left to sign against.
    """
    if row.person.erased_at is not None:
        return False
    if row.registration is not None:
        return row.registration.status != Registration.Status.CANCELLED
    return row.invitation is not None and row.invitation.answer == Invitation.Answer.PENDING


def sign_in_note(row: PersonRow) -> str:
    """What the door should know about an expected person who has no place yet."""
    if row.registration is None:
        return _("no answer yet")
    return _("waiting list") if row.registration.status == Registration.Status.WAITLISTED else ""


# The "Attendance" sheet: one column per heading, the value taken from a person's row.
COLUMNS: tuple[tuple[str, Callable[[PersonRow], object]], ...] = (
    (gettext_lazy("Name in Latin script"), lambda r: latin_name(r.person)),
    (gettext_lazy("Name in Khmer script"), lambda r: r.person.name_km),
    (pgettext_lazy("honorific", "Title"), lambda r: r.person.get_title_display()),
    (gettext_lazy("Gender"), lambda r: r.person.get_gender_display()),
    (gettext_lazy("Organisation"), lambda r: organisation_name(r.person.organisation)),
    (
        gettext_lazy("Organisation type"),
        lambda r: r.person.organisation and r.person.organisation.get_type_display(),
    ),
    (gettext_lazy("Category"), lambda r: r.category),
    (gettext_lazy("Invitation answer"), lambda r: r.invitation and r.invitation.get_answer_display()),
    (gettext_lazy("Registration"), lambda r: r.registration and r.registration.get_status_display()),
    (gettext_lazy("Checked in at"), lambda r: r.checkin and local(r.checkin.at).replace(tzinfo=None)),
    (gettext_lazy("Email"), lambda r: r.person.email),
    (gettext_lazy("Phone"), lambda r: r.person.phone),
)


def latin_name(person: Person) -> str:
    return str(person) if person.erased_at else person.name_en


def organisation_name(organisation: Organisation | None) -> str:
    return (organisation.name or organisation.acronym) if organisation else ""


def workbook(rows: list[PersonRow], figures: Figures) -> bytes:
    book = Workbook()
    people = book.active
    people.title = _("Attendance")
    write_table(
        people,
        [str(heading) for heading, _value in COLUMNS],
        [[value(r) for _h, value in COLUMNS] for r in rows],
    )
    people.auto_filter.ref = people.dimensions
    sheet = book.create_sheet(_("Figures"))
    write_table(sheet, [_("Figure"), _("Number")], figure_rows(figures))
    for heading, breakdown in (
        (_("By category"), figures.by_category),
        (_("By organisation type"), figures.by_type),
        (_("By gender"), figures.by_gender),
    ):
        sheet.append([])
        write_table(sheet, [heading, _("Checked in")], [[str(label), count] for label, count in breakdown])
    for sheet in book.worksheets:
        sheet.freeze_panes = "A2"
        fit_columns(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def figure_rows(figures: Figures) -> list[list]:
    return [
        [_("Checked in"), figures.checked_in],
        [_("Target, at least"), figures.target_min],
        [_("Target, at most"), figures.target_max],
        [_("Invited"), figures.invited],
        [_("Accepted"), figures.accepted],
        [_("Declined"), figures.declined],
        [_("Registered"), figures.registered],
        [_("On the waiting list"), figures.waiting],
    ]


def write_table(sheet: Worksheet, heading: list[str], rows: list[list]) -> None:
    """A bold heading row, then the rows, in a font with Khmer; text is never read as a formula.

    A name typed as "=HYPERLINK(...)" in a public registration form must not become a
    working formula in an organiser's spreadsheet.
    """
    for values, font in [(heading, Font(name=SHEET_FONT, bold=True))] + [
        (v, Font(name=SHEET_FONT)) for v in rows
    ]:
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            cell.font = font
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"


def fit_columns(sheet: Worksheet) -> None:
    for column in sheet.iter_cols():
        longest = max((len(str(cell.value)) for cell in column if cell.value is not None), default=0)
        sheet.column_dimensions[column[0].column_letter].width = min(longest + 2, MAX_COLUMN_WIDTH)
