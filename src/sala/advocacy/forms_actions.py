"""Forms of endorsements and follow-up actions: they parse; the services decide and save.

Choices of people are the consultation's (invited to or registered for one of its meetings),
so a list stays short at a national consultation's scale.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sala.meetings.models import Consultation
from sala.people.models import Organisation, Person

from .models import ActionItem, Strategy
from .queries.endorsements import consultation_people
from .services.actions import ACTION_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, organisation: Organisation) -> str:
        if organisation.acronym and organisation.name:
            return f"{organisation.acronym} · {organisation.name}"
        return str(organisation)


def organisations():
    return Organisation.objects.order_by("acronym", "name_en")


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person: Person) -> str:
        return f"{person} ({person.organisation})" if person.organisation else str(person)


class StrategyChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, strategy: Strategy) -> str:
        return str(strategy)


def people_of(consultation: Consultation, keep: Person | None = None):
    """The consultation's people, and `keep` (the one chosen before) even if no longer among them."""
    chosen = Q(pk__in=consultation_people(consultation).values("pk"))
    if keep is not None:
        chosen |= Q(pk=keep.pk)
    return Person.objects.filter(chosen).select_related("organisation").order_by("name_en", "name_km")


class ActionForm(forms.ModelForm):
    owner = PersonChoiceField(label=_("Owner"), queryset=Person.objects.none(), required=False)
    strategies = StrategyChoiceField(
        label=_("Strategies of the road map it serves"),
        queryset=Strategy.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ActionItem
        fields = (*ACTION_FIELDS, "strategies")
        field_classes = {"owner_organisation": OrganisationChoiceField}
        widgets = {"due_on": DATE_INPUT}
        help_texts = {"owner": _("Reminders go to the owner’s email a few days before the due date.")}

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_of(consultation, self.instance.owner)
        self.fields["owner"].help_text = self._meta.help_texts["owner"]
        self.fields["owner_organisation"].queryset = organisations()
        self.fields["strategies"].queryset = Strategy.objects.filter(consultation=consultation)

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActionItem.Status.choices,
        widget=forms.Select(attrs={"aria-label": _("Status")}),
    )


class EndorseForm(forms.Form):
    """A representative signs their organisation on, through their personal link."""

    listed = forms.BooleanField(label=_("My organisation may be named in the public list"), required=False)


class EndorsementForm(EndorseForm):
    """An organiser records an endorsement received on paper or by email."""

    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=organisations())
    representative = PersonChoiceField(
        label=_("Representative"), queryset=Person.objects.none(), required=False
    )
    field_order = ("organisation", "representative", "listed")

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["representative"].queryset = people_of(consultation)
        self.fields["listed"].label = _("The organisation may be named in the public list")
