"""New meeting from a concept note: upload or paste, preview, create; and who may do it."""

import copy
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from sala.core.errors import MESSAGES
from sala.core.models import AuditEntry
from sala.importers.concept_note import MAX_BYTES
from sala.meetings.models import AgendaItem, Meeting
from sala.people.models import Person
from tests.core.test_i18n import assert_khmer, get, post
from tests.meetings.test_concept_note_service import TWO_DAYS, facilitator, row
from tests.support.shared import SHARED

pytestmark = pytest.mark.django_db
UPLOAD = "/{lang}/manage/meetings/new/concept-note/?consultation=cybercrime-law-2014"
CREATE = "/{lang}/manage/meetings/new/concept-note/create/?consultation=cybercrime-law-2014"
PARSER = "sala.meetings.views.manage_concept_note.parse_concept_note"
SAMPLES = SHARED / "samples" / "concept-notes"

CONCEPT_NOTE = """CONCEPT NOTE

Follow-up Meeting on the Draft Cybercrime Law

Date: Thursday, 10 July 2014
Time: 8:00 am - 11:00 am
Venue: CCC Meeting Room, #9-11, Street 476, Phnom Penh

Objectives
1. To review the coalition's joint analysis.
2. To agree on next steps.

Agenda

Time          | Session                     | Facilitator
08:00 - 08:30 | Registration                | Secretariat
08:30 - 10:00 | Review of the joint analysis | Mr. Tek Vannara, NGO Forum (tbc)
10:00 - 11:00 | Next steps                  | Ms. Lim Dara, Legal Adviser
"""


def snapshot():
    return (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Person.objects.count(),
        AuditEntry.objects.count(),
    )


def upload(client, content: bytes, name: str = "note.txt", lang: str = "en"):
    return client.post(UPLOAD.format(lang=lang), {"file": SimpleUploadedFile(name, content)})


def preview_data(response) -> dict:
    """What the browser would send back from the preview, unchanged."""
    data = {}

    def add(form) -> None:
        for field in form:
            value = field.value()
            if value is True:
                data[field.html_name] = "on"
            elif value is not None and value is not False and value != "":
                data[field.html_name] = str(value)

    add(response.context["form"])
    agenda = response.context["agenda"]
    add(agenda.management_form)
    for form in agenda:
        add(form)
        add(form.facilitators.management_form)
        for facilitator_form in form.facilitators:
            add(facilitator_form)
    return data


def message(code: str, lang: str = "en") -> str:
    """The longest plain part of a message, as it shows in a page (no placeholders, quotes escaped)."""
    with translation.override(lang):
        text = str(MESSAGES[code])
    return max(re.split(r"%\(\w+\)s", text), key=len).strip().replace("’", "&#x27;").replace("'", "&#x27;")


# 1. Upload or paste


def test_uploading_a_text_file_shows_its_preview(organiser_client, demo_meeting):
    before = snapshot()
    response = upload(organiser_client, CONCEPT_NOTE.encode())
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Follow-up Meeting on the Draft Cybercrime Law"' in html
    assert 'value="2014-07-10"' in html
    assert "Review of the joint analysis" in html
    assert snapshot() == before  # a preview stores nothing


def test_pasted_text_is_read_like_a_file(organiser_client, demo_meeting):
    response = organiser_client.post(UPLOAD.format(lang="en"), {"text": CONCEPT_NOTE})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Follow-up Meeting on the Draft Cybercrime Law"' in html
    assert "Read from" not in html  # pasted text has no file name to show


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize(
    "content, name, code",
    [
        (b"", "empty.txt", "document.empty"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "note.docx", "document.unreadable"),
        (b"x" * (MAX_BYTES + 1), "huge.txt", "document.too_large"),
        (b"MZ\x90\x00", "setup.exe", "document.unsupported_type"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_nothing_is_saved(
    organiser_client, demo_meeting, content, name, code, lang
):
    before = snapshot()
    response = upload(organiser_client, content, name, lang=lang)
    assert response.status_code == 422
    assert message(code, lang) in response.content.decode()
    assert snapshot() == before


def test_nothing_to_read_is_refused(organiser_client, demo_meeting):
    response = organiser_client.post(UPLOAD.format(lang="en"), {"text": "  "})
    assert response.status_code == 422
    assert "Choose a file or paste the text of the concept note." in response.content.decode()


# 2. The preview


@pytest.fixture
def two_day_draft(monkeypatch):
    """The importer's answer, whatever the file: two days, and warnings to highlight."""
    draft = copy.deepcopy(TWO_DAYS)
    draft["warnings"] = [
        {"code": "concept_note.date_ambiguous", "line": 4, "field": "dates", "text": "10/14/2021"},
        {"code": "no.message.yet", "line": 7, "field": "venue.phones", "text": "Tel: 012 ??? 678"},
        {"code": "concept_note.time_unreadable", "line": 31, "field": "agenda[1].start", "text": "9ish"},
        {"code": "concept_note.facilitator_unnamed", "line": 32, "field": "agenda[1].facilitators[1].role",
         "text": "tbc"},
        {"code": "concept_note.end_time_inferred", "line": 40, "field": "agenda", "text": "10:30"},
    ]  # fmt: skip
    monkeypatch.setattr(PARSER, lambda data, filename: copy.deepcopy(draft))
    return draft


def test_warnings_are_listed_and_their_fields_highlighted(organiser_client, demo_meeting, two_day_draft):
    response = upload(organiser_client, b"anything")
    html = response.content.decode()
    assert response.status_code == 200
    top = html.split('class="warnings"')[1].split("</article>")[0]
    assert "Line 31: the time “9ish” could not be read." in top
    assert "Tel: 012 ??? 678" in top  # a code without a message: the line it quotes
    assert top.count("<li>") == 5
    for name in ["day", "venue_phones", "agenda-1-start", "agenda-1-facilitators-1-role"]:
        label = html.split(f'name="{name}"')[0].rsplit("<label", 1)[1]
        assert "warned" in label, name
    agenda = html.split("<h2>Agenda</h2>")[1].split("<article")[0]
    assert "Line 40: “10:30” gives no end time" in agenda  # about the agenda, no row named
    assert html.count('<mark class="warning">') == 5
    assert 'name="last_day" value="2021-10-15"' in html


def test_the_corrected_preview_becomes_the_meeting(organiser_client, demo_meeting, two_day_draft):
    preview = upload(organiser_client, b"anything")
    data = preview_data(preview)
    data["title"] = "Regional Workshop on Digital Rights (corrected)"
    data["agenda-1-facilitators-1-tbc"] = ""  # Mr. Sok Piseth has confirmed meanwhile
    data["agenda-2-DELETE"] = "on"  # no coffee break
    data.update({"agenda-5-date": "2021-10-14", "agenda-5-start": "11:00", "agenda-5-end": "11:30",
                 "agenda-5-kind": "plenary", "agenda-5-title": "Report back",
                 "agenda-5-facilitators-0-name": "Ms. New Rapporteur"})  # fmt: skip
    response = organiser_client.post(CREATE.format(lang="en"), {k: v for k, v in data.items() if v})
    assert response.status_code == 302, re.findall(r'class="errors"[^>]*>(.*?)</', response.content.decode())
    meeting = Meeting.objects.get(title_en="Regional Workshop on Digital Rights (corrected)")
    assert response.url == f"/en/manage/meetings/{meeting.slug}/"
    assert meeting.consultation == demo_meeting.consultation
    titles = list(meeting.agenda_items.values_list("title_en", flat=True))
    assert titles == ["Registration", "Panel: the draft law", "Report back", "Group work", "Closing"]
    statuses = dict(
        meeting.agenda_items.get(title_en="Panel: the draft law").facilitators.values_list(
            "person__name_en", "status"
        )
    )
    assert statuses == {"Lim Dara": "confirmed", "Sok Piseth": "confirmed"}
    rapporteur = meeting.agenda_items.get(title_en="Report back").facilitators.get()
    assert rapporteur.status == "tbc"  # a facilitator typed in the preview is to be confirmed by default


def test_a_preview_breaking_the_agenda_rules_keeps_everything_typed(
    organiser_client, demo_meeting, two_day_draft
):
    data = preview_data(upload(organiser_client, b"anything"))
    data["title"] = "My corrected title"
    data["agenda-2-start"], data["agenda-2-end"] = "10:00", "11:00"  # the break overlaps the panel
    before = snapshot()
    response = organiser_client.post(CREATE.format(lang="en"), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "overlaps" in html
    assert 'value="My corrected title"' in html and 'name="agenda-2-start" value="10:00"' in html
    assert '<mark class="warning">' in html  # the warnings survive the round trip
    assert snapshot() == before


def test_a_row_with_a_title_but_no_times_is_refused(organiser_client, demo_meeting, two_day_draft):
    data = preview_data(upload(organiser_client, b"anything"))
    data["agenda-5-title"] = "Forgot the time"
    response = organiser_client.post(CREATE.format(lang="en"), data)
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()


def test_a_khmer_concept_note_fills_the_khmer_fields(organiser_client, demo_meeting, monkeypatch):
    draft = {
        "title": "កិច្ចប្រជុំពិគ្រោះយោបល់",
        "dates": ["2015-02-19"],
        "start": "07:30",
        "end": "12:00",
        "language": "km",
        "agenda": [row("2015-02-19", "07:30", "08:00", "ចុះឈ្មោះ", "registration",
                       facilitators=[facilitator("លោក សុខ", tbc=True)])],
    }  # fmt: skip
    monkeypatch.setattr(PARSER, lambda data, filename: copy.deepcopy(draft))
    data = preview_data(upload(organiser_client, b"anything", lang="km"))
    response = organiser_client.post(CREATE.format(lang="km"), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(title_km="កិច្ចប្រជុំពិគ្រោះយោបល់")
    assert meeting.title_en == "" and meeting.agenda_items.get().title_km == "ចុះឈ្មោះ"


@pytest.mark.parametrize(
    "name, language, items",
    [
        ("01-access-to-information.txt", "en", 12),
        ("02-trade-union-pdf-style.txt", "en", 6),
        ("03-lango-khmer.txt", "km", 7),
        ("04-cybersecurity-regional.docx", "en", 11),
    ],
)
def test_each_sample_concept_note_becomes_a_meeting_as_read(
    organiser_client, demo_meeting, name, language, items
):
    if not (SAMPLES / name).exists():
        pytest.skip(f"no sample {name}")
    preview = upload(organiser_client, (SAMPLES / name).read_bytes(), name)
    assert preview.status_code == 200
    response = organiser_client.post(CREATE.format(lang="en"), preview_data(preview))
    assert response.status_code == 302, re.findall(r'class="errors"[^>]*>(.*?)</', response.content.decode())
    meeting = Meeting.objects.get(slug=response.url.split("/")[-2])
    assert bool(meeting.title_km) is (language == "km") and bool(meeting.title_en) is (language == "en")
    assert meeting.agenda_items.count() == items


# 3. Who may do it


def test_links_to_it_from_the_dashboard_and_the_new_meeting_page(organiser_client, demo_meeting):
    for url in ["/en/manage/", "/en/manage/meetings/new/"]:
        assert "/en/manage/meetings/new/concept-note/" in organiser_client.get(url).content.decode()


def test_an_organiser_chooses_the_consultation_first(organiser_client, demo_meeting):
    html = organiser_client.get("/en/manage/meetings/new/concept-note/").content.decode()
    assert 'value="cybercrime-law-2014"' in html
    assert organiser_client.get(UPLOAD.format(lang="en")).status_code == 200
    # The preview's address, opened again without its form, leads back to the upload.
    assert organiser_client.get(CREATE.format(lang="en")).url == UPLOAD.format(lang="en")


def test_anonymous_visitors_are_sent_to_sign_in(client, demo_meeting):
    before = snapshot()
    for url in [UPLOAD.format(lang="en"), CREATE.format(lang="en")]:
        assert client.get(url).url.startswith("/en/accounts/login/")
        assert client.post(url, {"text": CONCEPT_NOTE}).url.startswith("/en/accounts/login/")
    assert snapshot() == before


@pytest.mark.parametrize("who", ["participant", "other_organiser"])
def test_only_organisers_of_the_consultation_may_use_it(client, demo_meeting, two_day_draft, who, request):
    client.force_login(request.getfixturevalue(who))
    before = snapshot()
    assert client.get(UPLOAD.format(lang="en")).status_code == 403
    assert client.post(UPLOAD.format(lang="en"), {"text": CONCEPT_NOTE}).status_code == 403
    assert client.post(CREATE.format(lang="en"), {"title": "Hacked"}).status_code == 403
    assert client.get("/en/manage/meetings/new/concept-note/?consultation=nope").status_code == 404
    assert snapshot() == before


def test_the_pages_are_all_khmer(organiser_client, demo_meeting, monkeypatch):
    draft = {
        "title": "កិច្ចប្រជុំពិគ្រោះយោបល់",
        "dates": ["2015-02-19", "2015-02-20"],
        "start": "07:30",
        "end": "12:00",
        "language": "km",
        "agenda": [row("2015-02-19", "07:30", "08:00", "ចុះឈ្មោះ", "registration",
                       facilitators=[facilitator("លោក សុខ", "ប្រធាន", tbc=True)])],
        "warnings": [{"code": "concept_note.time_unreadable", "line": 9, "field": "agenda", "text": "៧ ព្រឹក"}],
    }  # fmt: skip
    pages = {
        "choose": get(organiser_client, "/km/manage/meetings/new/concept-note/"),
        "upload": get(organiser_client, UPLOAD.format(lang="km")),
        "nothing to read": post(organiser_client, UPLOAD.format(lang="km"), {"text": ""}, 422),
        "empty file": upload(organiser_client, b"", "empty.txt", lang="km").content.decode(),
    }
    monkeypatch.setattr(PARSER, lambda data, filename: copy.deepcopy(draft))
    preview = upload(organiser_client, b"anything", "note.txt", lang="km")
    pages["preview"] = preview.content.decode()
    data = {**preview_data(preview), "agenda-0-end": "07:00"}
    pages["agenda refused"] = post(organiser_client, CREATE.format(lang="km"), data, 422)
    files = {"Word", "PDF", "note", "txt", "empty"}  # file kinds and the names of the uploads
    assert_khmer(pages, extra={name: files for name in pages})
