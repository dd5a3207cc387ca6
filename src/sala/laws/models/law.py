from django.db import models
from django.utils.translation import gettext_lazy as _

from sala.core.models import bilingual, text_pair


class Law(models.Model):
    """A law or draft law the coalition follows through the pipeline."""

    class Sensitivity(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    class Consulted(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        UNKNOWN = "unknown", _("Not known")

    slug = models.SlugField(_("web address"), unique=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_km = models.CharField(_("title in Khmer"), max_length=300, blank=True)
    summary_en, summary_km = text_pair(_("summary"), long=True)
    ministry_en, ministry_km = text_pair(_("lead ministry"))
    sensitivity = models.CharField(
        _("sensitivity"), max_length=10, choices=Sensitivity.choices, default=Sensitivity.MEDIUM
    )
    fast_tracked = models.BooleanField(_("fast-tracked"), default=False)
    public_consultation = models.CharField(
        _("public consultation held"), max_length=10, choices=Consulted.choices, default=Consulted.UNKNOWN
    )
    is_public = models.BooleanField(
        _("shown on the public law tracker"),
        default=True,
        help_text=_("Switch off for a law the coalition follows discreetly."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    title = bilingual("title")
    summary = bilingual("summary")
    ministry = bilingual("ministry")

    class Meta:
        ordering = ["title_en"]
        verbose_name = _("law")
        verbose_name_plural = _("laws")

    def __str__(self) -> str:
        return self.title


class LawStage(models.Model):
    """A step in a law's life, with when it happened and where that is known from."""

    class Stage(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        MINISTRY = "ministry", _("Ministry")
        COUNCIL = "council_of_ministers", _("Council of Ministers")
        ASSEMBLY = "national_assembly", _("National Assembly")
        SENATE = "senate", _("Senate")
        PROMULGATED = "promulgated", _("Promulgated")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(_("stage"), max_length=30, choices=Stage.choices)
    date = models.DateField(_("date"))
    precision = models.CharField(
        _("date known to the nearest"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    note_en, note_km = text_pair(_("what happened"), long=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_title = models.CharField(_("source name"), max_length=200, blank=True)

    note = bilingual("note")

    class Meta:
        ordering = ["law", "date", "pk"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return f"{self.law}: {self.get_stage_display()} ({self.date})"


class Analysis(models.Model):
    """A legal analysis of a law: an uploaded PDF or Word file, or a link to one."""

    law = models.ForeignKey(Law, on_delete=models.CASCADE, related_name="analyses")
    title_en, title_km = text_pair(_("title"))
    author = models.CharField(_("by"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to="analyses/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    published_on = models.DateField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    title = bilingual("title")

    class Meta:
        ordering = ["law", "-published_on", "-pk"]
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(file="") | ~models.Q(url=""), name="analysis_has_file_or_link"
            )
        ]

    def __str__(self) -> str:
        return self.title
