from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeRule(models.Model):
    """How an expected outcome of a meeting is judged from the data (never typed in).

    The rule's kind picks the computation; `met_share` and `partly_share` (percent) are its
    thresholds where it measures a share; `item` is the agenda item a rule looks at (the
    findings session) and `decision` the decision it looks at (the road map vote).
    """

    class Kind(models.TextChoices):
        FINDINGS_SHARED = (
            "findings_shared",
            _("Findings shared: the session was held and its materials published"),
        )
        INPUTS_INTEGRATED = (
            "inputs_integrated",
            _("Inputs integrated: share of inputs decided, and integrated"),
        )
        STRATEGIES_APPROVED = (
            "strategies_approved",
            _("Strategies approved: a decision on them passed with quorum"),
        )
        ATTENDANCE = "attendance", _("Participation: attendance against the target")

    outcome = models.OneToOneField("meetings.ExpectedOutcome", on_delete=models.CASCADE, related_name="rule")
    kind = models.CharField(_("rule"), max_length=24, choices=Kind.choices)
    met_share = models.PositiveSmallIntegerField(_("met from (%)"), default=80)
    partly_share = models.PositiveSmallIntegerField(_("partly met from (%)"), default=50)
    item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("agenda item"),
    )
    decision = models.ForeignKey(
        "advocacy.Decision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decision"),
    )

    class Meta:
        verbose_name = _("outcome rule")
        verbose_name_plural = _("outcome rules")

    def __str__(self) -> str:
        return self.get_kind_display()
