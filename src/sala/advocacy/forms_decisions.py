"""Forms of the road map and its decisions: they parse what people type; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.laws.models import Article
from sala.meetings.models import Consultation

from .models import Choice, Decision, Finding, Strategy
from .queries import article_title
from .queries.decisions import people_of
from .services.decisions import MAX_REASON, RULE_FIELDS
from .services.strategies import TEXT_FIELDS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SHORT_TEXT = forms.Textarea(attrs={"rows": 2})


class ArticlesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, article: Article) -> str:
        return article_title(article)


class FindingsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, finding: Finding) -> str:
        return article_title(finding.article) if finding.article else str(_("The text as a whole"))


class StrategiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, strategy: Strategy) -> str:
        return strategy.activity  # whole: a cut could split a Khmer cluster


class StrategyForm(forms.ModelForm):
    """A strategy; the articles offered are the draft's, the findings the consultation's."""

    articles = ArticlesField(
        label=_("Articles it is about"),
        queryset=Article.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    findings = FindingsField(
        label=_("Findings it follows from"),
        queryset=Finding.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Strategy
        fields = [*TEXT_FIELDS, "owner", "due_on", "articles", "findings"]
        widgets = {"activity_en": SHORT_TEXT, "activity_km": SHORT_TEXT, "due_on": DATE_INPUT}

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = Article.objects.filter(draft_id=consultation.draft_id).order_by(
            "position"
        )
        self.fields["findings"].queryset = (
            Finding.objects.filter(consultation=consultation)
            .select_related("article")
            .order_by("article__position")
        )

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class DecisionForm(forms.ModelForm):
    """A decision's rules; `people` is the list of voters when the organisers set one."""

    strategies = StrategiesField(
        label=_("Strategies to vote on"),
        queryset=Strategy.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"),
        queryset=None,
        required=False,
        help_text=_("Its checked-in participants vote, unless you set a list below."),
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Who may vote, when you set a list"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Decision
        fields = [*RULE_FIELDS, "meeting", "strategies"]
        widgets = {"voters": forms.RadioSelect, "pass_rule": forms.RadioSelect}

    def __init__(self, *args, consultation: Consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategies"].queryset = Strategy.objects.filter(consultation=consultation)
        self.fields["meeting"].queryset = consultation.meetings.order_by("starts_at")
        self.fields["people"].queryset = people_of(consultation.pk).order_by("name_en", "name_km")
        self.fields["quorum"].widget.attrs.update({"inputmode": "numeric"})
        if self.instance.pk:
            self.initial["people"] = list(self.instance.eligible_voters.values_list("person_id", flat=True))

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "people"]}


class CloseForm(forms.Form):
    statement_en = forms.CharField(label=_("Outcome statement in English"), required=False, widget=SHORT_TEXT)
    statement_km = forms.CharField(label=_("Outcome statement in Khmer"), required=False, widget=SHORT_TEXT)


class BallotForm(forms.Form):
    choice = forms.ChoiceField(label=_("Your vote"), choices=Choice.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Your reason"),
        required=False,
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required if you object; not kept for other votes."),
    )
