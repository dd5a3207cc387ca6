"""Forms of "new meeting from a concept note": the upload, then the draft to correct.

The preview is the importer's draft turned into plain fields in the concept note's language.
Whatever the organiser submits is the truth: the draft is rebuilt from the fields, not from
the file. Only the importer's warnings travel along, signed, in a hidden field.
"""

from pathlib import PurePath

from django import forms
from django.core import signing
from django.forms import formset_factory
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.importers.concept_note.people import is_group

from .forms import DATE_INPUT, TIME_INPUT, MeetingDaysForm, check_meeting_ranges
from .models import AgendaItem

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
STATE_SALT = "sala.meetings.concept_note"
STATE_MAX_AGE = 7 * 24 * 3600  # past that, the warnings are dropped (never the fields)
PASTED_NAME = "pasted.txt"
MB = 1024 * 1024


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class UploadForm(forms.Form):
    """A file, or its text pasted; too large a file is refused before it is read."""

    file = forms.FileField(
        label=_("Concept note file"),
        required=False,
        allow_empty_file=True,  # the importer says why an empty file cannot be read
        help_text=_("A Word document, a PDF or a text file, in English or in Khmer."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )
    text = forms.CharField(label=_("Or paste its text"), required=False, widget=textarea(10))

    def __init__(self, *args, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes

    def problem(self, code: str, name: str) -> str:
        """The importer's own message for a problem found before it is called."""
        return DomainError(code, name=name, max_mb=digits(self.max_bytes // MB)).message

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > self.max_bytes:
            raise forms.ValidationError(self.problem("document.too_large", upload.name))
        if upload and PurePath(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(self.problem("document.unsupported_type", upload.name))
        return upload

    def clean(self):
        data = super().clean()
        if "file" in self.errors:
            return data
        if not data.get("file") and not data.get("text", "").strip():
            raise forms.ValidationError(_("Choose a file or paste the text of the concept note."))
        if not data.get("file") and len(data["text"].encode()) > self.max_bytes:
            self.add_error("text", self.problem("document.too_large", PASTED_NAME))
        return data

    def document(self) -> tuple[bytes, str]:
        """The bytes to import and the name that tells their type."""
        upload = self.cleaned_data["file"]
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode(), PASTED_NAME

    def source_name(self) -> str:
        """The uploaded file's name, to show with the preview (none for pasted text)."""
        upload = self.cleaned_data["file"]
        return upload.name if upload else ""


class WarnedForm(forms.Form):
    """A form whose fields may carry the importer's warnings, shown next to them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings: dict[str, list[str]] = {}

    def warn(self, field: str, text: str) -> None:
        if field in self.fields:
            self.warnings.setdefault(field, []).append(text)


class DraftForm(MeetingDaysForm, WarnedForm):
    """The meeting and its concept note, in the language the concept note is written in."""

    language = forms.ChoiceField(
        label=_("Language of the concept note"),
        choices=[("en", _("English")), ("km", _("Khmer"))],
        help_text=_("Its texts become the meeting’s texts in this language."),
    )
    title = forms.CharField(label=capfirst(_("title")), max_length=300)
    start = forms.TimeField(label=_("Starts at"), widget=TIME_INPUT)
    end = forms.TimeField(label=_("Ends at"), widget=TIME_INPUT)
    introduction = forms.CharField(label=_("Introduction"), required=False, widget=textarea(6))
    objectives = forms.CharField(
        label=_("Objectives"), required=False, widget=textarea(4), help_text=_("One per line.")
    )
    expected_outcomes = forms.CharField(
        label=_("Expected outcomes"), required=False, widget=textarea(4), help_text=_("One per line.")
    )
    participants_min = forms.IntegerField(
        label=capfirst(_("participants, at least")), required=False, min_value=0
    )
    participants_max = forms.IntegerField(
        label=capfirst(_("participants, at most")), required=False, min_value=0
    )
    participant_categories = forms.CharField(
        label=capfirst(_("who should come (one category per line)")), required=False, widget=textarea()
    )
    venue_name = forms.CharField(label=_("Venue"), required=False, max_length=300)
    venue_address = forms.CharField(label=capfirst(_("venue address")), required=False, widget=textarea(2))
    venue_phones = forms.CharField(
        label=capfirst(_("venue phones")),
        required=False,
        max_length=200,
        help_text=_("Separate numbers with commas."),
    )
    agenda_note = forms.CharField(
        label=capfirst(_("note on agenda changes")), required=False, widget=textarea(2)
    )
    state = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        check_meeting_ranges(self, data)
        return data

    @classmethod
    def initial_from(cls, draft: dict) -> dict:
        dates = draft.get("dates") or [""]
        venue = draft.get("venue") or {}
        participants = draft.get("participants") or {}
        return {
            "language": draft.get("language") or "en",
            "title": draft.get("title", ""),
            "day": dates[0],
            "last_day": dates[-1] if len(dates) > 1 else "",
            "start": draft.get("start") or "",
            "end": draft.get("end") or "",
            "introduction": draft.get("introduction", ""),
            "objectives": one_per_line(draft.get("objectives")),
            "expected_outcomes": one_per_line(draft.get("expected_outcomes")),
            "participants_min": participants.get("min"),
            "participants_max": participants.get("max"),
            "participant_categories": one_per_line(participants.get("categories")),
            "venue_name": venue.get("name", ""),
            "venue_address": venue.get("address", ""),
            "venue_phones": ", ".join(venue.get("phones") or []),
            "agenda_note": draft.get("agenda_note", ""),
        }

    def draft(self) -> dict:
        """The meeting part of the draft, in the importer's shape."""
        data = self.cleaned_data
        last_day = data["last_day"] or data["day"]
        return {
            "title": data["title"],
            "dates": sorted({data["day"].isoformat(), last_day.isoformat()}),
            "start": f"{data['start']:%H:%M}",
            "end": f"{data['end']:%H:%M}",
            "introduction": data["introduction"],
            "objectives": split_lines(data["objectives"]),
            "expected_outcomes": split_lines(data["expected_outcomes"]),
            "participants": {
                "min": data["participants_min"],
                "max": data["participants_max"],
                "categories": split_lines(data["participant_categories"]),
            },
            "venue": {
                "name": data["venue_name"],
                "address": data["venue_address"],
                "phones": [p.strip() for p in data["venue_phones"].split(",") if p.strip()],
            },
            "agenda_note": data["agenda_note"],
        }


class FacilitatorRowForm(WarnedForm):
    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    role = forms.CharField(label=capfirst(_("role")), required=False, max_length=300)
    tbc = forms.BooleanField(label=_("To be confirmed"), required=False, initial=True)


FacilitatorRowFormSet = formset_factory(FacilitatorRowForm, extra=1, can_delete=True)


class AgendaRowForm(WarnedForm):
    """One agenda item with its facilitators (a formset of their own, inside the row)."""

    date = forms.DateField(
        label=_("Date"), required=False, widget=DATE_INPUT, help_text=_("Empty: the first day.")
    )
    start = forms.TimeField(label=_("Starts at"), required=False, widget=TIME_INPUT)
    end = forms.TimeField(label=_("Ends at"), required=False, widget=TIME_INPUT)
    kind = forms.ChoiceField(
        label=capfirst(_("kind")), choices=AgendaItem.Kind.choices, initial=AgendaItem.Kind.SESSION
    )
    title = forms.CharField(label=capfirst(_("title")), required=False, max_length=300)
    sub_items = forms.CharField(
        label=_("Sub-items"), required=False, widget=textarea(), help_text=_("One per line.")
    )
    led_by = forms.CharField(
        label=capfirst(_("led by a group (e.g. “Organisers”, “All”)")), required=False, max_length=300
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.facilitators = FacilitatorRowFormSet(
            self.data if self.is_bound else None,
            prefix=f"{self.prefix}-facilitators",
            initial=self.initial.get("facilitators") or [],
        )

    def has_changed(self) -> bool:
        return super().has_changed() or self.facilitators.has_changed()

    def full_clean(self):
        """A row with anything in it needs its times and title; a blank row is left out."""
        super().full_clean()
        if self.is_bound and not self.is_blank():
            for name in ("start", "end", "title"):
                if not self.cleaned_data.get(name) and name not in self.errors:
                    self.add_error(name, forms.Field.default_error_messages["required"])

    def is_valid(self) -> bool:
        return super().is_valid() and self.facilitators.is_valid()

    def named_facilitators(self) -> list[dict]:
        self.facilitators.is_valid()  # cleans the rows (once)
        return [
            f.cleaned_data
            for f in self.facilitators.forms
            if f.cleaned_data.get("name") and not f.cleaned_data.get("DELETE")
        ]

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        texts = ("start", "end", "title", "sub_items", "led_by")
        return not any(data.get(n) for n in texts) and not self.named_facilitators()

    @classmethod
    def initial_from(cls, row: dict) -> dict:
        kind = row.get("kind")
        return {
            "date": row.get("date") or "",
            "start": row.get("start") or "",
            "end": row.get("end") or "",
            "kind": kind if kind in AgendaItem.Kind.values else AgendaItem.Kind.SESSION,
            "title": row.get("title", ""),
            "sub_items": one_per_line(row.get("sub_items")),
            # A group that leads the item ("Secretariat") is who leads it, not a person to invite.
            "led_by": row.get("led_by") or ", ".join(f["name"] for f in groups(row)),
            "facilitators": [
                {"name": f.get("name", ""), "role": f.get("role", ""), "tbc": f.get("tbc") is not False}
                for f in row.get("facilitators") or []
                if not is_group_entry(f)
            ],
        }

    def draft(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"].isoformat() if data["date"] else "",
            "start": f"{data['start']:%H:%M}",
            "end": f"{data['end']:%H:%M}",
            "kind": data["kind"],
            "title": data["title"],
            "sub_items": split_lines(data["sub_items"]),
            "led_by": data["led_by"],
            "facilitators": [
                {"name": f["name"], "role": f["role"], "tbc": f["tbc"]} for f in self.named_facilitators()
            ],
        }


class BaseAgendaFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []  # about the agenda as a whole, or a row it cannot point at

    def warn(self, field: str, text: str) -> None:
        self.warnings.append(text)

    def draft(self) -> list[dict]:
        """The rows kept: not deleted, not left blank."""
        return [
            form.draft() for form in self.forms if not (form.is_blank() or form.cleaned_data.get("DELETE"))
        ]


AgendaFormSet = formset_factory(AgendaRowForm, formset=BaseAgendaFormSet, extra=3, can_delete=True)


def one_per_line(texts: list[str] | None) -> str:
    return "\n".join(" ".join(t.split()) for t in texts or [])


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def sign_state(warnings: list[dict], filename: str) -> str:
    """The importer's warnings and the file's name, for the next round of the preview."""
    return signing.dumps({"warnings": warnings, "filename": filename}, salt=STATE_SALT, compress=True)


def read_state(value: str) -> dict:
    try:
        return signing.loads(value, salt=STATE_SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature:
        return {"warnings": [], "filename": ""}


def groups(row: dict) -> list[dict]:
    return [f for f in row.get("facilitators") or [] if is_group_entry(f)]


def is_group_entry(facilitator: dict) -> bool:
    """ "Secretariat", "All": a group with no role, named without an honorific."""
    name = facilitator.get("name") or ""
    return bool(name) and not facilitator.get("role") and is_group(name)
