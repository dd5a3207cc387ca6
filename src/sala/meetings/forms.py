"""Forms parse what organisers type; services decide whether it may be saved."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from sala.core.khmer import digits
from sala.people.models import Organisation, Person

from .models import AgendaItem, Facilitator, Meeting
from .services.meetings import CONCEPT_NOTE_FIELDS

PHNOM_PENH = ZoneInfo(settings.TIME_ZONE)
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def combine(day, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=PHNOM_PENH)


def local_parts(dt: datetime) -> tuple:
    local = dt.astimezone(PHNOM_PENH)
    return local.date(), local.time().replace(second=0, microsecond=0)


class TimeWindowForm(forms.ModelForm):
    """A day with a start and an end time in Phnom Penh, and a title in at least one language."""

    day = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    start = forms.TimeField(label=_("Starts at"), widget=TIME_INPUT)
    end = forms.TimeField(label=_("Ends at"), widget=TIME_INPUT)
    missing_title = ""  # each form says what needs the title

    def show_window(self, starts_at, ends_at) -> None:
        self.initial["day"], self.initial["start"] = local_parts(starts_at)
        self.initial["end"] = local_parts(ends_at)[1]

    def clean(self):
        data = super().clean()
        if not (data.get("title_en") or data.get("title_km")):
            self.add_error("title_en", self.missing_title)
        return data

    def end_day(self):
        """The day the window ends: the same day, unless a form spans several."""
        return self.cleaned_data["day"]

    def service_fields(self) -> dict:
        data = self.cleaned_data
        fields = {name: data[name] for name in self.Meta.fields}
        fields["starts_at"] = combine(data["day"], data["start"])
        fields["ends_at"] = combine(self.end_day(), data["end"])
        return fields


class MeetingDaysForm(forms.Form):
    """A meeting on one day or over several: it starts on the first day and ends on the last."""

    day = forms.DateField(label=_("First day"), widget=DATE_INPUT)
    last_day = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Leave empty for a one-day meeting."),
    )


class MeetingForm(MeetingDaysForm, TimeWindowForm):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organiser organisations"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Meeting
        fields = [f for f in CONCEPT_NOTE_FIELDS if f not in {"starts_at", "ends_at"}]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "purpose_en",
                "purpose_km",
                "participant_categories_en",
                "participant_categories_km",
                "guests_en",
                "guests_km",
                "agenda_note_en",
                "agenda_note_km",
                "venue_address_en",
                "venue_address_km",
            )
        }

    missing_title = _("Give the meeting a title in English or in Khmer.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.show_window(self.instance.starts_at, self.instance.ends_at)
            self.initial["organisations"] = list(self.instance.organisations.all())

    def show_window(self, starts_at, ends_at) -> None:
        super().show_window(starts_at, ends_at)
        last_day = local_parts(ends_at)[0]
        if last_day != self.initial["day"]:
            self.initial["last_day"] = last_day

    def end_day(self):
        return self.cleaned_data.get("last_day") or self.cleaned_data["day"]

    def clean(self):
        data = super().clean()
        check_meeting_ranges(self, data)
        return data


def check_meeting_ranges(form: forms.Form, data: dict) -> None:
    """The ranges a meeting's form checks, typed in or imported: its days and its numbers."""
    low, high = data.get("participants_min"), data.get("participants_max")
    if low is not None and high is not None and low > high:
        form.add_error("participants_max", _("The highest number is below the lowest."))
    first, last = data.get("day"), data.get("last_day")
    if first and last and last < first:
        form.add_error("last_day", _("The last day is before the first day."))


class BilingualTextForm(forms.Form):
    """One text in English and Khmer (a sub-item, an objective, an outcome)."""

    text_en = forms.CharField(label=_("English"), required=False)
    text_km = forms.CharField(label=_("Khmer"), required=False)

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("text_en") or data.get("text_km"))


class TextRowForm(BilingualTextForm):
    """A numbered text of the concept note, which keeps its identity when edited."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("text_en", "text_km"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 2})


class OutcomeRowForm(TextRowForm):
    objective_ids = forms.TypedMultipleChoiceField(
        label=_("Serves objectives"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, objectives=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective_ids"].choices = [
            (o.pk, f"{digits(n)}. {o.text}") for n, o in enumerate(objectives, start=1)
        ]


ObjectiveFormSet = formset_factory(TextRowForm, extra=1, can_delete=True, can_order=True)
OutcomeFormSet = formset_factory(OutcomeRowForm, extra=1, can_delete=True, can_order=True)


def ordered_rows(formset) -> list[dict]:
    """The rows as the organiser ordered them (unnumbered last), without deleted or blank ones."""
    return [form.cleaned_data for form in formset.ordered_forms if not form.is_blank()]


class AgendaItemForm(TimeWindowForm):
    missing_title = _("Give the item a title in English or in Khmer.")
    shift_following = forms.BooleanField(
        label=_("Also move the later items by the same amount"),
        required=False,
    )

    class Meta:
        model = AgendaItem
        fields = ["kind", "title_en", "title_km", "led_by_en", "led_by_km"]

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        if self.instance.pk:
            self.show_window(self.instance.starts_at, self.instance.ends_at)
        else:  # a new item follows the last one, for half an hour
            del self.fields["shift_following"]
            last = meeting.agenda_items.order_by("-ends_at").first()
            begin = last.ends_at if last else meeting.starts_at
            self.show_window(begin, min(begin + timedelta(minutes=30), meeting.ends_at))
        if local_parts(meeting.starts_at)[0] == local_parts(meeting.ends_at)[0]:
            self.fields["day"].widget = forms.HiddenInput()


SubItemFormSet = formset_factory(BilingualTextForm, extra=2, can_delete=True, can_order=True)


class FacilitatorAddForm(forms.Form):
    """A facilitator is a person already known, or a new one typed here."""

    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.select_related("organisation"),
        required=False,
        empty_label=_("— a new person —"),
    )
    title = forms.ChoiceField(label=_("Title"), choices=[("", "—"), *Person.Title.choices], required=False)
    name_en = forms.CharField(label=_("Name in Latin script"), required=False)
    name_km = forms.CharField(label=_("Name in Khmer script"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
    )
    role_en = forms.CharField(
        label=_("Role in English"),
        required=False,
        help_text=_("e.g. Executive Director of a member organisation"),
    )
    role_km = forms.CharField(label=_("Role in Khmer"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=Facilitator.Status.choices, initial=Facilitator.Status.TBC
    )

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("name_en") or data.get("name_km")):
            self.add_error("person", _("Choose a person or type a new person’s name."))
        return data


class FacilitatorEditForm(forms.ModelForm):
    class Meta:
        model = Facilitator
        fields = ["role_en", "role_km", "status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class FacilitatorAnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        choices=[
            (Facilitator.Status.CONFIRMED, _("I confirm: I will facilitate this item")),
            (Facilitator.Status.DECLINED, _("I decline: I cannot facilitate this item")),
        ],
    )
    note = forms.CharField(
        label=_("Note to the organisers (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
