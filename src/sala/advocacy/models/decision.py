import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.attendance.models import Category
from sala.core.models import bilingual, text_pair

# Who decides for the coalition when the checked-in people vote: its participants, speakers and
# organisers. Government observers and honoured guests attend, but the joint strategy is not theirs.
VOTING_CATEGORIES = (Category.PARTICIPANT, Category.SPEAKER, Category.ORGANISER)


class Decision(models.Model):
    """A vote on one or more strategies, with its rules and, once closed, its recorded outcome."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class PassRule(models.TextChoices):
        NO_OBJECTION = "no_objection", _("Passes if no one objects")
        MAJORITY = "majority", _("Passes if more than half approve or consent")
        TWO_THIRDS = "two_thirds", _("Passes if two thirds approve or consent")

    class Voters(models.TextChoices):
        CHECKED_IN = (
            "checked_in",
            _("The meeting's checked-in participants, speakers and organisers (not observers or guests)"),
        )
        LIST = "list", _("A list the organisers set")

    consultation = models.ForeignKey(
        "meetings.Consultation", on_delete=models.CASCADE, related_name="decisions"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    title_en, title_km = text_pair(_("title"))
    strategies = models.ManyToManyField("advocacy.Strategy", related_name="decisions")
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    voters = models.CharField(
        _("who may vote"), max_length=12, choices=Voters.choices, default=Voters.CHECKED_IN
    )
    anonymous = models.BooleanField(
        _("anonymous ballots"),
        default=False,
        help_text=_("No link between a ballot and its voter is stored."),
    )
    results_hidden = models.BooleanField(_("results hidden until the decision closes"), default=True)
    quorum = models.PositiveSmallIntegerField(
        _("quorum (percent of eligible voters)"),
        default=50,
        help_text=_("The share of eligible voters who must vote."),
    )
    pass_rule = models.CharField(
        _("pass rule"), max_length=14, choices=PassRule.choices, default=PassRule.NO_OBJECTION
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    eligible_count = models.PositiveIntegerField(
        null=True, blank=True, help_text="How many could vote when the decision closed."
    )
    passed = models.BooleanField(null=True, blank=True)
    quorum_reached = models.BooleanField(null=True, blank=True)
    statement_en, statement_km = text_pair(_("outcome statement"), long=True)

    title = bilingual("title")
    statement = bilingual("statement")

    class Meta:
        ordering = ["pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.title


class EligibleVoter(models.Model):
    """A person on the list the organisers set, when a decision is not for the checked-in people."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="eligible_voters")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "person"], name="eligible_once")]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.decision_id}"


class Choice(models.TextChoices):
    CONSENT = "consent", _("Consent")
    APPROVE = "approve", _("Approve")
    ABSTAIN = "abstain", _("Abstain")
    OBJECT = "object", _("Object")


class Ballot(models.Model):
    """One person's vote. An anonymous ballot has no voter, a random key and no time, so neither
    its key, its order nor a timestamp ties it to the voter's VoteMark."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="ballots"
    )
    choice = models.CharField(_("your vote"), max_length=8, choices=Choice.choices)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "voter"],
                condition=models.Q(voter__isnull=False),
                name="one_ballot_per_voter",
            ),
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class VoteMark(models.Model):
    """'Has voted' for an anonymous decision: keeps each person to one ballot without saying which."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="vote_marks")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "person"], name="one_mark_per_voter")]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.decision_id}"
