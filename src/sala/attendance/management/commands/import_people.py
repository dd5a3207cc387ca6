"""`sala import_people FILE [--meeting SLUG] [--dry-run] [--json]`: a participant list from the shell."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sala.attendance.services import invite_people
from sala.core.errors import DomainError
from sala.importers.problems import ImportProblem
from sala.meetings.models import Meeting
from sala.people.services import import_people


class Command(BaseCommand):
    help = "Import a participant list (CSV or XLSX); with --meeting, invite everyone on it."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--meeting", help="slug of the meeting to invite them to")
        parser.add_argument("--category", default="participant", help="invitation category")
        parser.add_argument("--dry-run", action="store_true", help="report only; save nothing")
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, file: Path, meeting: str | None, category: str, dry_run: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        target = None
        if meeting:
            target = Meeting.objects.filter(slug=meeting).first()
            if target is None:
                raise CommandError(f"No meeting with the slug {meeting!r}.")
        try:
            with transaction.atomic():
                report = import_people(
                    data=data, filename=file.name, actor=None, scope=target, dry_run=dry_run
                )
                if target is not None and not dry_run:
                    invite_people(meeting=target, people=report.people, category=category, actor=None)
        except (ImportProblem, DomainError) as problem:
            code, params = problem.code, getattr(problem, "params", {})
            raise CommandError(DomainError(code, **params).message) from problem
        result = report.as_json() | {"dry_run": dry_run, "meeting": meeting}
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{result['people']} people ({result['people_created']} new, {result['people_matched']} known), "
            f"{result['organisations']} organisations, {len(result['duplicates'])} duplicate rows, "
            f"{len(result['errors'])} problems" + (" (dry run: nothing saved)" if dry_run else "")
        )
        for error in result["errors"]:
            self.stdout.write(f"  row {error['row']}: {error['message']}")
