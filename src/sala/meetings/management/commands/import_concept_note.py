"""`sala import_concept_note FILE [--json]`: what Sala reads in a concept note, without saving it."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sala.core.errors import MESSAGES
from sala.importers.concept_note import MAX_BYTES, parse_concept_note
from sala.importers.problems import ImportProblem


class Command(BaseCommand):
    help = "Read a concept note (.txt, .md, .docx, .pdf) and print the meeting draft found in it."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the concept note")
        parser.add_argument("--json", action="store_true", help="print the whole draft as JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            with path.open("rb") as file:
                data = file.read(MAX_BYTES + 1)  # one byte more tells the parser it is too large
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            draft = parse_concept_note(data, path.name)
        except ImportProblem as problem:
            raise CommandError(f"{path}: {_message(problem.code, problem.params)}") from problem
        if options["json"]:
            self.stdout.write(json.dumps(draft, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(draft))


def _message(code: str, params: dict) -> str:
    """The message of a problem or warning code, in the active language (English by default)."""
    return str(MESSAGES[code]) % {key: "" if value is None else value for key, value in params.items()}


def _summary(draft: dict) -> str:
    venue = draft["venue"]
    where = ", ".join(part for part in (venue["name"], venue["address"], *venue["phones"]) if part)
    participants = draft["participants"]
    lines = [
        draft["title"] or "(no title)",
        f"  dates: {', '.join(draft['dates']) or '-'}, {draft['start'] or '?'}–{draft['end'] or '?'}",
        f"  venue: {where or '-'}",
        f"  objectives: {len(draft['objectives'])}, expected outcomes: {len(draft['expected_outcomes'])}",
        f"  participants: {participants['min'] or '?'}–{participants['max'] or '?'}",
        f"  agenda: {len(draft['agenda'])} items",
    ]
    for item in draft["agenda"]:
        people = "; ".join(
            facilitator["name"] + (" (tbc)" if facilitator["tbc"] else "")
            for facilitator in item["facilitators"]
        )
        lines.append(
            f"    {item['date'] or ''} {item['start']}–{item['end']} {item['title']}  {people}".rstrip()
        )
    lines += [f"  warning: {_message(w['code'], w)}" for w in draft["warnings"]]
    return "\n".join(lines)
