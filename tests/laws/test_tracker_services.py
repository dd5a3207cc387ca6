"""The tracker services: every refusal is a domain error with a code, and leaves nothing behind."""

import io
import zipfile
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.laws.models import Analysis, Law, LawStage
from sala.laws.services import tracker
from tests.factories import LawFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def actor():
    return UserFactory()


@pytest.fixture
def law():
    return LawFactory(slug="cybercrime-law", title_en="Cybercrime Law")


def pdf(name: str = "analysis.pdf", size: int = 0) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.7\n" + b"0" * size, content_type="application/pdf")


def docx(name: str = "analysis.docx", part: str = "word/document.xml") -> SimpleUploadedFile:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<w:document/>")
    return SimpleUploadedFile(name, data.getvalue())


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


def refused(code: str, call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    return caught.value


# --- Laws ---------------------------------------------------------------------------------


def test_create_law_records_who_added_it(actor):
    law = tracker.create_law(actor=actor, slug="trade-unions", title_km="ច្បាប់ស្តីពីសហជីព", fast_tracked=True)
    entry = AuditEntry.objects.get(action="law.created")
    assert law.fast_tracked and entry.scope == f"laws.law:{law.pk}" and entry.actor == actor


def test_a_law_needs_a_title_and_a_free_web_address(actor, law):
    refused("law.no_title", tracker.create_law, actor=actor, slug="untitled", title_en="  ")
    refused("law.slug_taken", tracker.create_law, actor=actor, slug=law.slug, title_en="Other")
    other = LawFactory()
    refused("law.slug_taken", tracker.update_law, law=other, actor=actor, slug=law.slug)
    assert Law.objects.count() == 2 and not AuditEntry.objects.exists()


def test_update_law_lists_the_changed_fields(actor, law):
    tracker.update_law(
        law=law, actor=actor, title_en=law.title_en, sensitivity="high", ministry_en="Interior"
    )
    assert AuditEntry.objects.get(action="law.changed").data == {"fields": ["ministry_en", "sensitivity"]}


def test_unknown_fields_are_a_programming_error(actor, law):
    with pytest.raises(TypeError):
        tracker.update_law(law=law, actor=actor, updated_at=None)


# --- Stages -------------------------------------------------------------------------------


def test_a_stage_keeps_only_the_part_of_its_date_that_is_known(actor, law):
    month = tracker.add_stage(
        law=law, actor=actor, stage="drafting", date=date(2012, 5, 17), precision="month"
    )
    year = tracker.add_stage(law=law, actor=actor, stage="drafting", date=date(2010, 7, 1), precision="year")
    assert (month.date, year.date) == (date(2012, 5, 1), date(2010, 1, 1))


def test_a_stage_in_the_future_is_refused(actor, law):
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    next_month = (today.replace(day=1) + timedelta(days=31)).replace(day=1)
    refused("stage.date_in_future", tracker.add_stage, law=law, actor=actor, stage="senate", date=tomorrow)
    this_month = tracker.add_stage(law=law, actor=actor, stage="senate", date=today, precision="month")
    # Known to the month, a date is in the future only from the next month on.
    tracker.update_stage(law_stage=this_month, actor=actor, date=today.replace(day=28))
    refused("stage.date_in_future", tracker.update_stage, law_stage=this_month, actor=actor, date=next_month)
    this_month.refresh_from_db()
    assert this_month.precision == "month" and LawStage.objects.count() == 1


def test_a_source_must_be_a_web_address(actor, law):
    error = refused(
        "link.bad_url",
        tracker.add_stage,
        law=law,
        actor=actor,
        stage="drafting",
        date=date(2014, 4, 1),
        source_url="javascript:alert(1)",
    )
    assert "javascript:alert(1)" in error.message and not LawStage.objects.exists()


def test_stage_changes_move_the_law_and_are_audited(actor, law):
    before = Law.objects.get(pk=law.pk).updated_at
    stage = tracker.add_stage(law=law, actor=actor, stage="drafting", date=date(2014, 2, 27))
    tracker.update_stage(law_stage=stage, actor=actor, stage="withdrawn", note_en="Shelved")
    tracker.delete_stage(law_stage=stage, actor=actor)
    assert Law.objects.get(pk=law.pk).updated_at > before
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["law.stage_added", "law.stage_changed", "law.stage_deleted"]
    assert AuditEntry.objects.get(action="law.stage_changed").data["to"]["stage"] == "withdrawn"


# --- Analyses -----------------------------------------------------------------------------


def test_a_pdf_and_a_docx_are_stored_under_names_of_our_own(actor, law, media):
    first = tracker.add_analysis(law=law, actor=actor, title_en="Analysis", file=pdf("../../etc/x y.PDF"))
    second = tracker.add_analysis(law=law, actor=actor, title_km="ការវិភាគ", file=docx())
    assert first.file.name.startswith("analyses/") and first.file.name.endswith(".pdf")
    assert second.file.name.endswith(".docx") and "x y" not in first.file.name
    assert (
        len(stored_files(media)) == 2 and AuditEntry.objects.filter(action="law.analysis_added").count() == 2
    )


def test_a_link_is_enough(actor, law):
    analysis = tracker.add_analysis(
        law=law,
        actor=actor,
        title_en="Briefing",
        url="https://ifex.org/?p=249571",
        published_on=date(2014, 2, 27),
    )
    assert analysis.url and not analysis.file


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00 a program"),  # a renamed .exe
        SimpleUploadedFile("report.exe", b"%PDF-1.7 but not its name"),
        SimpleUploadedFile("report.docx", b"%PDF-1.7 a pdf named docx"),
        docx("report.docx", part="xl/workbook.xml"),  # a spreadsheet renamed
        docx("report.pdf"),
        SimpleUploadedFile("report", b"%PDF-1.7"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused_and_not_stored(actor, law, media, upload):
    refused("analysis.bad_type", tracker.add_analysis, law=law, actor=actor, title_en="Report", file=upload)
    assert not Analysis.objects.exists() and not stored_files(media) and not AuditEntry.objects.exists()


def test_a_file_over_20_mb_is_refused_in_the_readers_language(actor, law, media):
    error = refused(
        "analysis.too_large",
        tracker.add_analysis,
        law=law,
        actor=actor,
        title_en="Big",
        file=pdf(size=tracker.ANALYSIS_MAX_BYTES),
    )
    with translation.override("en"):
        assert "20 MB" in error.message
    with translation.override("km"):
        assert "២០" in error.message and "20" not in error.message
    assert not Analysis.objects.exists() and not stored_files(media)


def test_an_analysis_needs_a_title_and_one_file_or_link(actor, law, media):
    refused("analysis.no_title", tracker.add_analysis, law=law, actor=actor, url="https://example.org/a")
    refused("analysis.file_or_link", tracker.add_analysis, law=law, actor=actor, title_en="Nothing")
    refused(
        "analysis.file_or_link",
        tracker.add_analysis,
        law=law,
        actor=actor,
        title_en="Both",
        file=pdf(),
        url="https://example.org/a",
    )
    refused(
        "link.bad_url", tracker.add_analysis, law=law, actor=actor, title_en="Bad", url="ftp://example.org/a"
    )
    assert not Analysis.objects.exists() and not stored_files(media)


def test_deleting_an_analysis_removes_its_file_once_committed(
    actor, law, media, django_capture_on_commit_callbacks
):
    analysis = tracker.add_analysis(law=law, actor=actor, title_en="Analysis", file=pdf())
    with django_capture_on_commit_callbacks(execute=True):
        tracker.delete_analysis(analysis=analysis, actor=actor)
    assert not Analysis.objects.exists() and not stored_files(media)
    assert AuditEntry.objects.get(action="law.analysis_deleted").data["title"]["en"] == "Analysis"
