"""Forms of the attendance screens: they parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.importers.people_list import FIELDS, MAX_BYTES
from sala.people.models import Organisation, Person

from .models import Category

GENDER_CHOICES = [(v, label) for v, label in Person.Gender.choices]

FIELD_LABELS = {
    "name_latin": _("Name in Latin script"),
    "name_khmer": _("Name in Khmer script"),
    "title": _("Title (Mr., Ms., H.E.)"),
    "gender": _("Gender"),
    "organisation": _("Organisation"),
    "acronym": _("Acronym"),
    "organisation_type": _("Type of organisation"),
    "position": _("Position"),
    "email": _("Email"),
    "phone": _("Phone"),
}


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    gender = forms.ChoiceField(
        label=_("Gender"), choices=GENDER_CHOICES, required=False, widget=forms.RadioSelect
    )
    email = forms.EmailField(label=_("Email"), help_text=_("We send your personal link here."))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name_en",
            "name_km",
            "title",
            "organisation",
            "position",
            "gender",
            "email",
            "phone",
            "language",
        ]
        widgets = {"gender": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("acronym", "name_en")
        self.fields["gender"].choices = GENDER_CHOICES

    def clean(self):
        data = super().clean()
        if not (data.get("name_en", "").strip() or data.get("name_km", "").strip()):
            raise forms.ValidationError(_("Give a name, in Khmer or Latin script."))
        return data


class InviteForm(forms.Form):
    category = forms.ChoiceField(label=_("Invite as"), choices=Category.choices, initial=Category.PARTICIPANT)


class PlacesForm(forms.Form):
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        required=False,
        help_text=_("Empty: the upper participant target. When full, later sign-ups join a waiting list."),
    )
    registration_open = forms.BooleanField(
        label=_("Open registration to anyone with the link (public meetings only)"), required=False
    )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Participant list (Excel .xlsx or .csv)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB at most).") % {"size": MAX_BYTES // 1_000_000}
            )
        return upload


class ColumnForm(forms.Form):
    """The preview's editable mapping: one choice per column of the list."""

    invite = forms.BooleanField(
        label=_("Invite everyone on the list to this meeting"), required=False, initial=True
    )
    category = forms.ChoiceField(label=_("Invite as"), choices=Category.choices, initial=Category.PARTICIPANT)

    def __init__(self, *args, headers: list[str], mapping: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(ignore this column)")), *((f, FIELD_LABELS[f]) for f in FIELDS)]
        self.columns = []
        for index, header in enumerate(headers):
            name = f"column_{index}"
            self.fields[name] = forms.ChoiceField(
                label=header or _("Column %(number)s") % {"number": index + 1},
                choices=choices,
                required=False,
                initial=mapping.get(index, ""),
            )
            self.columns.append(name)

    @property
    def column_fields(self):
        return [self[name] for name in self.columns]

    def mapping(self) -> dict[int, str]:
        return {
            index: self.cleaned_data[name]
            for index, name in enumerate(self.columns)
            if self.cleaned_data.get(name)
        }


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("In any script."))
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Choose from the list, or type the name of a new one."),
        widget=forms.TextInput(attrs={"list": "organisations", "autocomplete": "off"}),
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=Person.Gender.choices, required=False, widget=forms.RadioSelect
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())  # as it is saved, and quoted back
