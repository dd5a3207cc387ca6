"""`sala import_draft`: the JSON, the dry run, the saved preview, and the refusals."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sala.laws.models import DraftVersion
from sala.laws.services import drafts
from tests.factories import LawFactory, UserFactory
from tests.support.shared import SHARED

pytestmark = pytest.mark.django_db
SAMPLES = SHARED / "samples" / "draft-laws"


def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {path} is not here")
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_draft", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def law():
    return LawFactory(slug="cybercrime-law")


def test_json_gives_chapters_with_their_articles_and_saves_nothing_in_a_dry_run(law):
    out, err = run(
        sample("cybercrime-illustrative-en.txt"), "--law", law.slug, "--label", "V1", "--json", "--dry-run"
    )
    found = json.loads(out)
    assert list(found) == ["law", "label", "chapters", "articles", "warnings"]
    assert (found["law"], found["label"], found["articles"], found["warnings"]) == (
        "cybercrime-law",
        "V1",
        [],
        [],
    )
    assert [(c["number"], c["heading"], len(c["articles"])) for c in found["chapters"]] == [
        ("1", "GENERAL PROVISIONS", 3),
        ("2", "COMPETENT AUTHORITY", 2),
        ("3", "PROCEDURAL MEASURES", 3),
        ("4", "OFFENCES", 6),
        ("5", "FINAL PROVISIONS", 1),
    ]
    assert found["chapters"][4]["articles"] == [
        {"number": "15", "heading": "Entry into force", "text": "This law shall be declared as urgent."}
    ]
    assert "nothing was saved" in err
    assert DraftVersion.objects.count() == 0


def test_khmer_json_keeps_khmer_letters_and_warnings_have_code_message_and_line(tmp_path, law):
    out, _ = run(sample("lango-illustrative-km.txt"), "--law", law.slug, "--json", "--dry-run")
    assert "ជំពូក" not in out and "បទប្បញ្ញត្តិទូទៅ" in out  # ensure_ascii=False; headings as written
    assert [len(c["articles"]) for c in json.loads(out)["chapters"]] == [2, 2, 2]
    gap = tmp_path / "gap.md"
    gap.write_text("Article 1: One\nText.\n\nArticle 3: Three\nText.\n", encoding="utf-8")
    warnings = json.loads(run(gap, "--law", law.slug, "--json", "--dry-run")[0])["warnings"]
    assert warnings == [
        {
            "code": "draft.numbering_gap",
            "message": "Line 4: number 3 skips numbers (expected 2). Is something missing?",
            "line": 4,
        }
    ]


def test_without_dry_run_it_saves_a_preview_replacing_the_published_version(law):
    published = drafts.publish_draft(
        draft=drafts.import_draft(
            law=law, text="Article 1\nOld.", label="V0", language="en", actor=UserFactory()
        ),
        actor=None,
    )
    out, _ = run(sample("lango-illustrative-km.txt"), "--law", law.slug)
    draft = DraftVersion.objects.exclude(pk=published.pk).get()
    assert (draft.status, draft.language, draft.label, draft.previous) == (
        "preview",
        "km",
        "lango-illustrative-km.txt",
        published,
    )
    assert draft.articles.count() == 6
    assert f"Saved as preview version {draft.pk}" in out
    assert f"/manage/laws/cybercrime-law/drafts/{draft.pk}/" in out
    assert "3 chapters, 6 articles" in out


def test_language_can_be_given(law):
    run(sample("cybercrime-illustrative-en.txt"), "--law", law.slug, "--language", "km")
    assert DraftVersion.objects.get().language == "km"


def test_unknown_law_or_unreadable_file_is_a_clear_error_and_saves_nothing(tmp_path, law):
    with pytest.raises(CommandError, match="No law has the web address “nope”"):
        run(sample("cybercrime-illustrative-en.txt"), "--law", "nope")
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "missing.txt", "--law", law.slug)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="could not be read"):
        run(broken, "--law", law.slug)
    scanned = tmp_path / "empty.txt"
    scanned.write_bytes(b"")
    with pytest.raises(CommandError, match="The file is empty"):
        run(scanned, "--law", law.slug)
    assert DraftVersion.objects.count() == 0
