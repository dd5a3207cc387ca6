"""Forms of the input pages: they parse what people type; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sala.laws.models import Article, DraftVersion
from sala.meetings.models import Consultation, Meeting
from sala.people.models import Organisation, Person

from .models import Concern, Input
from .services import MAX_TEXT
from .templatetags.participation_tags import article_title

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ArticleField(forms.ModelChoiceField):
    """An article of the draft, or nothing: the text as a whole."""

    def __init__(self, draft: DraftVersion | None, **kwargs):
        articles = Article.objects.filter(draft=draft).order_by("position")
        super().__init__(
            queryset=articles,
            required=False,
            empty_label=_("The text as a whole"),
            label=_("Article"),
            **kwargs,
        )

    def label_from_instance(self, article: Article) -> str:
        return article_title(article)


class InputFields(forms.Form):
    """What every input says, whoever gives it."""

    concern = forms.ChoiceField(label=_("Your concern"), choices=Concern.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Your comment"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 6})
    )
    proposed_wording = forms.CharField(
        label=_("Proposed wording"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: how you would write the article instead."),
    )

    def __init__(self, *args, draft: DraftVersion | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"article": ArticleField(draft), **self.fields}


class InvitationInputForm(InputFields):
    """An invitee's input: named by default, or anonymous; in their organisation's name if they wish."""

    anonymous = forms.BooleanField(
        label=_("Give this input anonymously"),
        required=False,
        help_text=_(
            "Sala then stores no name with it, not even for the organisers. You will not be able to see it "
            "in your list or withdraw it."
        ),
    )
    show_author = forms.BooleanField(
        label=_("You may name me with this input in the published account"),
        required=False,
        help_text=_("Otherwise only the organisers see your name."),
    )

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = person.organisation
        if self.organisation is not None:
            self.fields["for_organisation"] = forms.BooleanField(
                label=_("In the name of my organisation, %(organisation)s")
                % {"organisation": self.organisation.name},
                required=False,
                initial=True,
                help_text=_("With an anonymous input, a small organisation may still point to you."),
            )

    def service_fields(self) -> dict:
        data = self.cleaned_data
        anonymous = data["anonymous"]
        return {
            "article": data["article"],
            "concern": data["concern"],
            "comment": data["comment"],
            "proposed_wording": data["proposed_wording"],
            "organisation": self.organisation if data.get("for_organisation") else None,
            "anonymous": anonymous,
            "show_author": data["show_author"] and not anonymous,
        }


class AccountInputForm(InputFields):
    """An input given with an account: never linked to its giver, in an organisation's name if chosen."""

    organisation = forms.ModelChoiceField(
        label=_("In the name of the organisation"),
        queryset=Organisation.objects.order_by("acronym", "name_en"),
        required=False,
        empty_label=_("No organisation (personal input)"),
    )

    def service_fields(self) -> dict:
        return {**self.cleaned_data, "anonymous": True}


class TranscriptionForm(InputFields):
    """An organiser types up an input given on paper, at a meeting or by email."""

    channel = forms.ChoiceField(
        label=_("Given"),
        choices=[(c, label) for c, label in Input.Channel.choices if c != Input.Channel.ONLINE]
        + [(Input.Channel.ONLINE, _("By email or message"))],
        initial=Input.Channel.PAPER,
        widget=forms.RadioSelect,
    )
    meeting = forms.ModelChoiceField(
        label=_("At the meeting"), queryset=Meeting.objects.none(), required=False
    )
    author = forms.ModelChoiceField(
        label=_("Given by"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Anonymous: store no name"),
        help_text=_("Choose anonymous unless the person agreed to give their name."),
    )
    show_author = forms.BooleanField(
        label=_("The person agreed to be named in the published account"), required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("acronym", "name_en"),
        required=False,
        help_text=_("Empty: the organisation of the person who gave it, if they are named."),
    )

    def __init__(self, *args, consultation: Consultation, people, **kwargs):
        super().__init__(*args, draft=consultation.draft, **kwargs)
        self.fields["meeting"].queryset = consultation.meetings.order_by("starts_at")
        self.fields["author"].queryset = people

    def clean(self):
        data = super().clean()
        if data.get("channel") == Input.Channel.MEETING and not data.get("meeting"):
            self.add_error("meeting", _("Choose the meeting where it was given."))
        return data

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        author = data["author"]
        data["anonymous"] = author is None
        data["show_author"] = data["show_author"] and author is not None
        if data["organisation"] is None and author is not None:
            data["organisation"] = author.organisation
        return data


class PlaceForm(forms.Form):
    def __init__(self, *args, draft: DraftVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"] = ArticleField(draft)


def window_bound(label) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=DATETIME_INPUT,
        help_text=_("Phnom Penh time."),
        error_messages={"invalid": _("Give a date and a time, such as 1 June 2014, 08:00.")},
    )


class WindowForm(forms.Form):
    opens = window_bound(_("Inputs open"))
    closes = window_bound(_("Inputs close"))


class DraftChoiceForm(forms.Form):
    draft = forms.ModelChoiceField(label=_("Published version"), queryset=DraftVersion.objects.none())

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["draft"].queryset = versions


class FilterForm(forms.Form):
    """The organisers' filters of the input list; a wrong value is ignored, not an error."""

    article = forms.ChoiceField(label=_("Article"), required=False)
    concern = forms.ChoiceField(
        label=_("Concern"), required=False, choices=[("", _("Any concern")), *Concern.choices]
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Any channel")), *Input.Channel.choices]
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("Any organisation"),
    )

    WHOLE_TEXT = "whole"

    def __init__(self, *args, articles, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = [
            ("", _("Any article")),
            (self.WHOLE_TEXT, _("The text as a whole")),
            *((str(a.pk), article_title(a)) for a in articles),
        ]
        self.fields["organisation"].queryset = organisations

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
