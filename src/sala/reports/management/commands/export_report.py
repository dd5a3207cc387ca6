"""`sala export_report SLUG --format pdf|docx --lang en|km -o FILE`: the meeting report from the shell.

The report names no participant (see `reports/data.py`): writing it to a file exports no
personal data.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sala.meetings.models import Meeting
from sala.reports.data import build_report
from sala.reports.docx import report_docx
from sala.reports.pdf import report_pdf

RENDERERS = {"pdf": report_pdf, "docx": report_docx}


class Command(BaseCommand):
    help = "Write a meeting's report as PDF or Word, in English or Khmer."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the meeting's web address (slug)")
        parser.add_argument("--format", default="pdf", help="pdf or docx (default: pdf)")
        parser.add_argument("--lang", default="en", help="en or km (default: en)")
        parser.add_argument("-o", "--output", type=Path, required=True, help="the file to write")

    def handle(self, *args, slug: str, format: str, lang: str, output: Path, **options):
        if format not in RENDERERS:
            raise CommandError(f"Unknown format {format!r}: use one of {', '.join(RENDERERS)}.")
        languages = [code for code, _name in settings.LANGUAGES]
        if lang not in languages:
            raise CommandError(f"Unknown language {lang!r}: use one of {', '.join(languages)}.")
        meeting = Meeting.objects.filter(slug=slug).first()
        if meeting is None:
            raise CommandError(f"No meeting with the slug {slug!r}.")
        body = RENDERERS[format](build_report(meeting, lang))
        try:
            output.write_bytes(body)
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror}") from error
        self.stdout.write(f"{output}: {format} report in {lang}, {len(body):,} bytes")
