"""The form of an expected outcome's rule: it parses; `services.outcomes` decides and saves.

One page shows a form per outcome: the choices (the meeting's agenda items, the
consultation's decisions) are read once and given to every form.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.core.khmer import format_time, latin_digits
from sala.meetings.models import AgendaItem

from .models import Decision, OutcomeRule


class ShareField(forms.IntegerField):
    """A percentage, typed in Latin or Khmer digits."""

    def __init__(self, **kwargs):
        super().__init__(
            min_value=0, max_value=100, widget=forms.TextInput(attrs={"inputmode": "numeric"}), **kwargs
        )

    def to_python(self, value):
        return super().to_python(latin_digits(str(value)).strip().rstrip("%") if value is not None else value)


class OutcomeRuleForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("How it is judged"),
        choices=[("", _("No rule yet")), *OutcomeRule.Kind.choices],
        required=False,
    )
    met_share = ShareField(
        label=_("Met from (%)"), help_text=_("Inputs: the share of inputs decided for the outcome to be met.")
    )
    partly_share = ShareField(
        label=_("Partly met from (%)"),
        help_text=_("Inputs: the share decided; participation: the share of the lower participant target."),
    )
    item = forms.TypedChoiceField(
        label=_("Agenda item where the findings are shared"), coerce=int, empty_value=None, required=False
    )
    decision = forms.TypedChoiceField(
        label=_("Decision on the strategies"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("None chosen: the latest closed decision of the consultation."),
    )

    def __init__(self, *args, items: list[AgendaItem], decisions: list[Decision], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item.pk: item for item in items}
        self.decisions = {decision.pk: decision for decision in decisions}
        self.fields["item"].choices = [("", "—")] + [
            (pk, item_label(item)) for pk, item in self.items.items()
        ]
        self.fields["decision"].choices = [("", "—")] + [(pk, d.title) for pk, d in self.decisions.items()]

    def clean_item(self) -> AgendaItem | None:
        pk = self.cleaned_data["item"]
        return self.items[pk] if pk is not None else None

    def clean_decision(self) -> Decision | None:
        pk = self.cleaned_data["decision"]
        return self.decisions[pk] if pk is not None else None

    @classmethod
    def for_rule(cls, outcome_pk: int, rule: OutcomeRule | None, data=None, **choices) -> "OutcomeRuleForm":
        """The form of one outcome on a page of several: its own prefix, filled with its rule."""
        defaults = {
            field.name: field.default for field in OutcomeRule._meta.fields if field.name.endswith("share")
        }
        initial = dict(defaults)
        if rule is not None:
            initial = {
                "kind": rule.kind,
                "met_share": rule.met_share,
                "partly_share": rule.partly_share,
                "item": rule.item_id,
                "decision": rule.decision_id,
            }
        return cls(data, initial=initial, prefix=f"outcome-{outcome_pk}", **choices)


def item_label(item: AgendaItem) -> str:
    return f"{format_time(item.starts_at)}–{format_time(item.ends_at)} {item.title}"
