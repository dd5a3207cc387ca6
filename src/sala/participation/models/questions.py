from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionBoard(models.Model):
    """The Q&A of one agenda item and its settings.

    Two counters make the live views cheap: `version` changes with anything a participant sees
    (a question shown, answered, hidden or merged, a setting); `activity` also changes with
    every upvote and every question waiting for moderation, for the moderator's queue and the
    projector. Each is the ETag of its view, so an unchanged view answers 304.
    """

    item = models.OneToOneField(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="question_board"
    )
    is_open = models.BooleanField(_("accepting questions"), default=True)
    pre_moderation = models.BooleanField(
        _("questions wait for a moderator's approval"),
        default=False,
        help_text=_(
            "On a sensitive law, approve each question before participants and the projector see it."
        ),
    )
    version = models.PositiveBigIntegerField(default=0)
    activity = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("Q&A")
        verbose_name_plural = _("Q&A")

    def __str__(self) -> str:
        return str(self.item)


class Question(models.Model):
    """A participant's question on an agenda item.

    An anonymous question has no author: nothing anywhere records who asked it (the rate
    limit counts askers in the cache under a keyed hash, never with the question).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        ANSWERED = "answered", _("Answered")
        HIDDEN = "hidden", _("Hidden")

    board = models.ForeignKey(QuestionBoard, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"))
    author = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPROVED)
    votes = models.PositiveIntegerField(default=0)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["board", "status"])]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:60]


class QuestionVote(models.Model):
    """One participant's upvote: the database keeps it to one per person and question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="upvotes")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="question_votes")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "person"], name="one_upvote_per_person")]

    def __str__(self) -> str:
        return f"{self.person_id} -> {self.question_id}"
