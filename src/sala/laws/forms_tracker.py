"""Forms of the law tracker: they parse what organisers type; the tracker services decide."""

from django import forms
from django.db import models
from django.utils.functional import lazy
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from sala.core.khmer import digits

from .models import Analysis, Law, LawStage
from .services.tracker import ANALYSIS_MAX_MB, LAW_FIELDS, STAGE_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ServiceFieldsMixin:
    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LawForm(ServiceFieldsMixin, forms.ModelForm):
    class Meta:
        model = Law
        fields = LAW_FIELDS
        widgets = {
            "summary_en": forms.Textarea(attrs={"rows": 4}),
            "summary_km": forms.Textarea(attrs={"rows": 4}),
            "sensitivity": forms.RadioSelect,
            "public_consultation": forms.RadioSelect,
        }

    def validate_unique(self):
        """The service checks the web address (law.slug_taken), under a lock, with Sala's message."""


def https_by_default(field: models.Field, **kwargs) -> forms.Field:
    """An address typed without "https://" is taken as one (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class StageForm(ServiceFieldsMixin, forms.ModelForm):
    class Meta:
        model = LawStage
        fields = STAGE_FIELDS
        formfield_callback = https_by_default
        widgets = {
            "date": DATE_INPUT,
            "precision": forms.RadioSelect,
            "note_en": forms.Textarea(attrs={"rows": 3}),
            "note_km": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "date": _("If only the month or the year is known, pick any day in it and say so below."),
            "source_title": _("e.g. Phnom Penh Post. Left empty, the link shows the site’s address."),
        }


def label(name: str) -> str:
    return capfirst(Analysis._meta.get_field(name).verbose_name)


class AnalysisForm(forms.Form):
    """A plain form: the model's "file or link" constraint is the service's to report, in words."""

    title_en = forms.CharField(label=label("title_en"), max_length=300, required=False)
    title_km = forms.CharField(label=label("title_km"), max_length=300, required=False)
    author = forms.CharField(label=label("author"), max_length=200, required=False)
    published_on = forms.DateField(label=label("published_on"), required=False, widget=DATE_INPUT)
    file = forms.FileField(
        label=label("file"),
        required=False,
        help_text=format_lazy(
            _("A PDF or Word (.docx) file of at most {size} MB."), size=lazy(digits, str)(ANALYSIS_MAX_MB)
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    url = forms.URLField(
        label=label("url"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Or the address of the analysis on the web."),
    )
