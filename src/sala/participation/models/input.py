from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Concern(models.TextChoices):
    VAGUE = "vague", _("Vague or broad wording")
    EXPRESSION = "expression", _("Freedom of expression")
    PRIVACY = "privacy", _("Privacy and surveillance")
    DUE_PROCESS = "due_process", _("Due process")
    PENALTIES = "penalties", _("Proportionality of penalties")
    POWERS = "powers", _("Powers of authorities")
    OTHER = "other", _("Other")


class Input(models.Model):
    """A comment on an article of the draft (or on the whole text), from one participant.

    An anonymous input has no author at all: `author` and `entered_by` stay empty, and
    nothing else records who gave it. `show_author` is the author's consent to be named in
    the public account. `group` is the near-duplicate group the consolidation found.
    """

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        MEETING = "meeting", _("At a meeting")
        PAPER = "paper", _("On paper")

    consultation = models.ForeignKey("meetings.Consultation", on_delete=models.CASCADE, related_name="inputs")
    draft = models.ForeignKey("laws.DraftVersion", on_delete=models.PROTECT, related_name="inputs")
    article = models.ForeignKey(
        "laws.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inputs",
        verbose_name=_("article"),
        help_text=_("Empty: the text as a whole."),
    )
    concern = models.CharField(_("concern"), max_length=20, choices=Concern.choices)
    comment = models.TextField(_("comment"))
    proposed_wording = models.TextField(_("proposed wording"), blank=True)
    organisation = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inputs",
        verbose_name=_("organisation"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inputs",
        verbose_name=_("raised at"),
    )
    author = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="inputs"
    )
    show_author = models.BooleanField(_("may be named in the public account"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organiser who typed up a paper or meeting input; empty for anonymous ones.",
    )
    unplaced = models.BooleanField(
        default=False, help_text="A new draft version had no matching article for it: to be placed by hand."
    )
    group = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["consultation", "article", "concern"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author__isnull=False) | models.Q(show_author=False),
                name="anonymous_input_is_never_named",
            )
        ]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")

    def __str__(self) -> str:
        return self.comment[:60]

    @property
    def is_anonymous(self) -> bool:
        return self.author_id is None
