"""Forms of the live Q&A: they parse what people send; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Question
from .services.questions import MAX_QUESTION


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_QUESTION}),
        error_messages={"required": _("Write your question.")},
    )
    anonymous = forms.BooleanField(
        label=_("Ask anonymously"),
        required=False,
        help_text=_(
            "Sala then stores no name with your question, not even for the organisers. Otherwise your "
            "name is shown with it."
        ),
    )


class MergeForm(forms.Form):
    """The question a duplicate repeats: one of the same board's."""

    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Question.objects.none(),
        error_messages={
            "required": _("Choose the question to merge it into."),
            "invalid_choice": _("Choose the question to merge it into."),
        },
    )

    def __init__(self, *args, board_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Question.objects.filter(board_id=board_id)


class BoardForm(forms.Form):
    is_open = forms.BooleanField(label=_("Participants may ask questions"), required=False)
    pre_moderation = forms.BooleanField(
        label=_("Questions wait for a moderator's approval"),
        required=False,
        help_text=_(
            "On a sensitive law, approve each question before participants and the projector see it."
        ),
    )
