"""Forms of the draft versions: the import (a file or pasted text), an article, a chapter.

They parse and check what was typed; the services in `services/drafts.py` save it.
"""

from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sala.core.errors import DomainError
from sala.core.khmer import digits
from sala.importers.draft_law import MAX_BYTES

from .models import Article, Chapter, DraftVersion
from .services.drafts import PASTED_NAME

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MB = 1024 * 1024
LANGUAGES = [("", _("As the text is written")), ("en", _("English")), ("km", _("Khmer"))]


def textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DraftImportForm(forms.Form):
    """A draft law's file or its pasted text; a file too large or of the wrong type is refused
    by its size and name, before a byte of it is read."""

    label = forms.CharField(
        label=_("Name of this version"),
        max_length=200,
        help_text=_("As people know it, such as “Draft V.1 (leaked, April 2014)”."),
    )
    file = forms.FileField(
        label=_("File of the draft"),
        required=False,
        allow_empty_file=True,  # the reader says why an empty file cannot be imported
        help_text=_("A Word document (.docx), a PDF with text, or a text file, in English or in Khmer."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )
    text = forms.CharField(label=_("Or paste its text"), required=False, widget=textarea(12))
    language = forms.ChoiceField(label=_("Language of the draft"), choices=LANGUAGES, required=False)
    previous = forms.ModelChoiceField(
        label=_("Replaces"),
        queryset=DraftVersion.objects.none(),
        required=False,
        empty_label=_("Nothing: this is the first version"),
        help_text=_("The version this text replaces, to compare the two article by article."),
    )

    def __init__(self, *args, law, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = law.drafts.exclude(status=DraftVersion.Status.DISCARDED)

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data["file"]
        if upload and upload.size > MAX_BYTES:
            raise forms.ValidationError(problem("document.too_large", upload.name))
        if upload and PurePath(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(problem("document.unsupported_type", upload.name))
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if "file" in self.errors:
            return data
        if not data.get("file") and not data.get("text", "").strip():
            raise forms.ValidationError(_("Choose a file or paste the text of the draft."))
        if not data.get("file") and len(data["text"].encode()) > MAX_BYTES:
            self.add_error("text", problem("document.too_large", PASTED_NAME))
        return data

    def import_fields(self) -> dict:
        """What `services.drafts.import_draft` takes, besides the law and the actor."""
        data = self.cleaned_data
        upload = data["file"]
        source = {"data": upload.read(), "filename": upload.name} if upload else {"text": data["text"]}
        return {**source, "label": data["label"], "language": data["language"], "previous": data["previous"]}


def problem(code: str, name: str) -> str:
    """The reader's own message for a problem found before it is called."""
    return DomainError(code, name=name, max_mb=digits(MAX_BYTES // MB)).message


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["number", "heading", "section", "text"]
        widgets = {"text": textarea(8)}
        help_texts = {"number": _("As the draft writes it: “12”, “12 bis”, “១២”.")}


class ChapterForm(forms.ModelForm):
    class Meta:
        model = Chapter
        fields = ["number", "heading", "text"]
        widgets = {"text": textarea(3)}
