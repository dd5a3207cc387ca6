"""A material is accepted for what its content proves, and its name must agree; every refusal
has its own message and leaves nothing behind (no row, no file, no audit entry, no new version)."""

import pytest
from django.utils import translation

from sala.core.errors import DomainError
from sala.core.models import AuditEntry
from sala.meetings.models import Material, Meeting
from sala.meetings.services.materials import add_material
from tests.factories import AgendaItemFactory, UserFactory
from tests.support import sample_files as files

pytestmark = pytest.mark.django_db
OOXML = "application/vnd.openxmlformats-officedocument"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def item():
    return AgendaItemFactory()


def stored_files(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        ("Key findings.pdf", files.pdf, "application/pdf"),
        ("note.docx", files.docx, f"{OOXML}.wordprocessingml.document"),
        ("figures.XLSX", files.xlsx, f"{OOXML}.spreadsheetml.sheet"),
        ("slides.pptx", files.pptx, f"{OOXML}.presentationml.presentation"),
        ("old note.doc", lambda: files.ole("WordDocument", "SummaryInformation"), "application/msword"),
        ("old slides.ppt", lambda: files.ole("PowerPoint Document"), "application/vnd.ms-powerpoint"),
        ("old figures.xls", lambda: files.ole("Workbook"), "application/vnd.ms-excel"),
        ("note.odt", files.odt, "application/vnd.oasis.opendocument.text"),
        ("map.png", lambda: files.image("PNG"), "image/png"),
        ("photo.jpg", lambda: files.image("JPEG"), "image/jpeg"),
        ("photo.jpeg", lambda: files.image("JPEG"), "image/jpeg"),
        ("programme.txt", lambda: "Programme\r\n08:00 ចុះឈ្មោះ\n".encode(), "text/plain; charset=utf-8"),
    ],
)
def test_real_files_are_accepted_with_the_type_their_content_proves(media, item, name, make, content_type):
    data = make()
    material = add_material(item=item, upload=files.upload(name, data, "text/html"), title="", actor=None)
    material.refresh_from_db()
    assert material.content_type == content_type  # detected, not the browser's claim
    assert (material.filename, material.size) == (name, len(data))
    assert material.title == name.rsplit(".", 1)[0]
    assert material.file.read() == data
    stored = material.file.name
    assert stored.startswith(f"materials/{item.meeting_id}/") and name.rsplit(".", 1)[0] not in stored


REFUSED = [
    ("setup.exe", files.exe, "material.bad_type"),
    ("report.pdf", files.exe, "material.bad_type"),  # a program renamed
    ("findings.pdf", lambda: b"<!DOCTYPE html><html><script>alert(1)</script></html>", "material.bad_type"),
    ("notes.txt", lambda: b"  <html><body>hi</body></html>", "material.bad_type"),
    ("image.txt", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"/>', "material.bad_type"),
    ("archive.zip", lambda: files.zipped({"notes.txt": "notes"}), "material.bad_type"),
    ("archive.docx", lambda: files.zipped({"notes.txt": "notes"}), "material.bad_type"),
    ("installer.doc", lambda: files.ole("SummaryInformation"), "material.bad_type"),
    ("latin1.txt", lambda: "Café".encode("latin-1"), "material.bad_type"),
    ("macros.docm", files.docm, "material.macros"),
    ("macros.docx", files.docm, "material.macros"),
    ("macros.doc", lambda: files.ole("WordDocument", "Macros", "VBA"), "material.macros"),
    ("empty.pdf", lambda: b"", "material.empty"),
    ("cut.docx", lambda: files.docx()[:200], "material.unreadable"),
    ("cut.doc", lambda: files.ole("WordDocument")[:700], "material.unreadable"),
    ("note.pdf", files.docx, "material.wrong_extension"),  # a real Word file under another name
    ("slides.pdf", files.pptx, "material.wrong_extension"),
    ("photo.png", lambda: files.image("JPEG"), "material.wrong_extension"),
    ("findings", files.pdf, "material.wrong_extension"),
]


@pytest.mark.parametrize(("name", "make", "code"), REFUSED)
def test_refused_files_change_nothing(media, item, name, make, code):
    user = UserFactory()
    version = Meeting.objects.get(pk=item.meeting_id).updated_at
    with pytest.raises(DomainError) as refused:
        add_material(item=item, upload=files.upload(name, make(), "application/pdf"), title="", actor=user)
    assert refused.value.code == code
    assert not Material.objects.exists() and not stored_files(media)
    assert not AuditEntry.objects.filter(action__startswith="material.").exists()
    assert Meeting.objects.get(pk=item.meeting_id).updated_at == version


def message_for(item, name: str, data: bytes) -> str:
    with pytest.raises(DomainError) as refused:
        add_material(item=item, upload=files.upload(name, data), title="")
    return refused.value.message


def test_every_refusal_says_what_to_do(item, settings):
    settings.SALA_MATERIAL_MAX_BYTES = 20 * 1024 * 1024
    assert "Only PDF, Word, PowerPoint, Excel" in message_for(item, "setup.pdf", files.exe())
    assert "macros" in message_for(item, "m.docx", files.docm())
    assert "empty" in message_for(item, "e.pdf", b"")
    assert "could not be read" in message_for(item, "c.docx", files.docx()[:200])
    wrong = message_for(item, "note.pdf", files.docx())
    assert wrong == "“note.pdf” holds a file of the type “Word document”, so its name must end in .docx. " + (
        "Rename it and upload it again."
    )
    too_large = message_for(item, "big.pdf", b"%PDF-1.4\n" + b"0" * 20 * 1024 * 1024)
    assert too_large == "The file is larger than 20 MB. Upload a smaller file."
    with translation.override("km"):
        settings.SALA_MATERIAL_MAX_BYTES = 1536 * 1024
        with pytest.raises(DomainError) as refused:
            add_material(item=item, upload=files.upload("big.pdf", b"%PDF-" + b"0" * 2 * 1024 * 1024))
        assert "១.៥" in refused.value.message  # the limit in Khmer digits, when shown in Khmer


def test_the_limit_is_a_setting_and_a_file_at_the_limit_passes(item, settings):
    settings.SALA_MATERIAL_MAX_BYTES = 2000
    at_limit = b"%PDF-1.4\n" + b"0" * (2000 - 9)
    assert add_material(item=item, upload=files.upload("ok.pdf", at_limit)).size == 2000
    with pytest.raises(DomainError) as refused:
        add_material(item=item, upload=files.upload("big.pdf", at_limit + b"0"))
    assert refused.value.code == "material.too_large"


def test_a_name_with_folders_control_characters_or_great_length_is_cleaned(item):
    material = add_material(item=item, upload=files.upload("x.pdf", files.pdf()), title="  Slides  ")
    assert material.title == "Slides"
    upload = files.upload("x.pdf", files.pdf())
    upload.name = "C:\\Users\\sokha\\Desktop\\Key\x07 findings.pdf"  # as old browsers send it
    assert add_material(item=item, upload=upload).filename == "Key findings.pdf"
    long_name = "ក" * 300 + ".pdf"
    material = add_material(item=item, upload=files.upload(long_name, files.pdf()))
    assert len(material.filename) == 200 and material.filename.endswith("ក.pdf")
    assert len(material.title) == 196
