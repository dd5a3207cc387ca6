"""Forms parse what organisers type; the services decide whether it may be saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.core.khmer import latin_digits

from .models import Disposition, Finding
from .services.position import FINDING_FIELDS

TEXT = forms.Textarea(attrs={"rows": 4})
SHORT_TEXT = forms.Textarea(attrs={"rows": 2})


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = FINDING_FIELDS
        widgets = {name: TEXT for name in FINDING_FIELDS}


class DispositionForm(forms.Form):
    """What became of an input (or of its group: `whole_group`); the number may be in Khmer digits."""

    status = forms.ChoiceField(label=_("What became of it"), choices=Disposition.Status.choices)
    merged_into = forms.CharField(
        label=_("Merged into input no."),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
    )
    reason_en = forms.CharField(label=_("Reason in English"), required=False, widget=SHORT_TEXT)
    reason_km = forms.CharField(label=_("Reason in Khmer"), required=False, widget=SHORT_TEXT)
    whole_group = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_merged_into(self) -> int | None:
        value = latin_digits(self.cleaned_data["merged_into"]).strip().lstrip("#")
        if not value:
            return None
        if not value.isdigit():
            raise forms.ValidationError(_("Give the input’s number, such as 12."))
        return int(value)

    @classmethod
    def for_entry(cls, entry, data=None) -> "DispositionForm":
        """The form of one entry on a page of many: its own ids, filled with the first input's decision."""
        disposition = entry.disposition
        initial = {"whole_group": entry.is_group}
        if disposition is not None:
            initial |= {
                "status": disposition.status,
                "merged_into": disposition.merged_into_id or "",
                "reason_en": disposition.reason_en,
                "reason_km": disposition.reason_km,
            }
        return cls(data, initial=initial, auto_id=f"input-{entry.number}-%s")
