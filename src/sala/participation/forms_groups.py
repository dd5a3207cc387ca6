"""Forms of the breakout group pages: they parse what organisers and rapporteurs send; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.people.models import Person

from .models import BreakoutGroup
from .services.groups import MAX_REPORT, MAX_TOPIC


class GroupForm(forms.Form):
    topic_en = forms.CharField(label=_("Topic in English"), max_length=MAX_TOPIC, required=False)
    topic_km = forms.CharField(label=_("Topic in Khmer"), max_length=MAX_TOPIC, required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("topic_en", "").strip() or data.get("topic_km", "").strip()):
            raise forms.ValidationError(_("Give the group a topic, in English or in Khmer."))
        return data


class PersonChoiceField(forms.ModelChoiceField):
    """A person, named with the group they are in now (if any): choosing them may move them."""

    def __init__(self, *args, groups: dict[int, BreakoutGroup], **kwargs):
        self.groups = groups
        super().__init__(*args, **kwargs)

    def label_from_instance(self, person: Person) -> str:
        group = self.groups.get(person.pk)
        return f"{person} ({group})" if group else str(person)


class GroupEditForm(GroupForm):
    """Topic and rapporteur. The rapporteur is chosen among the checked-in people; one from
    another group, or from no group, joins this group."""

    def __init__(self, *args, candidates, groups: dict[int, BreakoutGroup], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rapporteur"] = PersonChoiceField(
            queryset=candidates,
            groups=groups,
            required=False,
            label=_("Rapporteur"),
            empty_label=_("No rapporteur yet"),
            help_text=_("Who writes the group’s report and presents it in the plenary."),
        )


class MoveForm(forms.Form):
    """Where one person goes: a group of the meeting, or none."""

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"] = forms.ModelChoiceField(
            queryset=groups, required=False, label=_("Group"), empty_label=_("No group")
        )


class ReportForm(forms.Form):
    key_points = forms.CharField(
        label=_("Key points of the discussion"),
        max_length=MAX_REPORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        max_length=MAX_REPORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    questions = forms.CharField(
        label=_("Questions for the plenary"),
        max_length=MAX_REPORT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    base_revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
