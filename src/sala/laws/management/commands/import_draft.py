"""`sala import_draft FILE --law SLUG [--label TEXT] [--language en|km] [--dry-run] [--json]`.

Splits a draft law as the import page does and saves it as a preview version, to check and
publish on the draft's page; `--dry-run` only shows what would be saved.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from sala.core.errors import DomainError
from sala.importers.draft_law import MAX_BYTES, Article, Draft, split_draft

from ...models import DraftVersion, Law
from ...services.drafts import import_draft, read_source, script_language


class Command(BaseCommand):
    help = "Split a draft law (.txt, .md, .docx, .pdf) into chapters and articles and save it as a preview."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the draft law")
        parser.add_argument("--law", required=True, help="the law's web address (slug), e.g. cybercrime-law")
        parser.add_argument("--label", default="", help="the version's name (default: the file's name)")
        parser.add_argument(
            "--language", choices=["en", "km"], default="", help="default: the script the text is written in"
        )
        parser.add_argument("--dry-run", action="store_true", help="show what would be saved, save nothing")
        parser.add_argument("--json", action="store_true", help="print the structure as JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        law = Law.objects.filter(slug=options["law"]).first()
        if law is None:
            raise CommandError(f"No law has the web address “{options['law']}”. Nothing was saved.")
        data = read_file(path)
        try:
            text = read_source(data=data, filename=path.name, text="")
        except DomainError as error:
            raise CommandError(f"{path}: {error.message} Nothing was saved.") from error
        split = split_draft(text)
        label = options["label"] or path.name
        if options["json"]:
            self.stdout.write(json.dumps(as_json(law, label, split), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(label, split))
        report = self.stderr if options["json"] else self.stdout
        if options["dry_run"]:
            report.write("Dry run: nothing was saved.")
            return
        previous = law.drafts.filter(status=DraftVersion.Status.PUBLISHED).order_by("-published_at").first()
        draft = import_draft(
            law=law,
            data=data,
            filename=path.name,
            label=label,
            language=options["language"] or script_language(text),
            actor=None,
            previous=previous,
        )
        url = settings.SITE_URL.rstrip("/") + reverse("laws_manage:draft", args=[law.slug, draft.pk])
        report.write(f"Saved as preview version {draft.pk} of “{law.slug}”. Check it and publish it at {url}")


def read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(MAX_BYTES + 1)  # one byte more tells the reader it is too large
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}. Nothing was saved.") from error


def as_json(law: Law, label: str, split: Draft) -> dict:
    return {
        "law": law.slug,
        "label": label,
        "chapters": [
            {"number": c.number, "heading": c.heading, "articles": list(map(article_json, c.all_articles()))}
            for c in split.chapters
        ],
        "articles": [article_json(a) for a in split.articles],
        "warnings": [
            {
                "code": w.code,
                "message": DomainError(w.code, **w.params).message,
                "line": w.params.get("line"),
            }
            for w in split.warnings
        ],
    }


def article_json(article: Article) -> dict:
    return {"number": article.number, "heading": article.heading, "text": article.text}


def summary(label: str, split: Draft) -> str:
    lines = [f"{label}: {len(split.chapters)} chapters, {len(split.all_articles())} articles"]
    lines += [f"  article {a.number} {a.heading}".rstrip() for a in split.articles]
    for chapter in split.chapters:
        lines.append(f"  chapter {chapter.number} {chapter.heading}".rstrip())
        lines += [f"    article {a.number} {a.heading}".rstrip() for a in chapter.all_articles()]
    lines += [f"  warning: {DomainError(w.code, **w.params).message}" for w in split.warnings]
    return "\n".join(lines)
