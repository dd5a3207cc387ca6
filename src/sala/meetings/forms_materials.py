"""The upload of a material: the file and an optional title. What the file is, and whether it
is accepted, is decided by the service from its content (an empty file too, so that every
refusal reads the same)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.core.filetypes import EXTENSIONS

from .services.materials import max_megabytes


class MaterialForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        allow_empty_file=True,
        error_messages={"required": _("Choose a file to upload.")},
        widget=forms.FileInput(attrs={"accept": ",".join(f".{e}" for e in EXTENSIONS)}),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the file’s name."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, PowerPoint, Excel, OpenDocument, PNG, JPEG or text; at most %(size)s MB."
        ) % {"size": max_megabytes()}
