from django.db import models
from django.utils.translation import gettext_lazy as _


class Endorsement(models.Model):
    """An organisation signing on to the joint position through its representative."""

    consultation = models.ForeignKey(
        "meetings.Consultation", on_delete=models.CASCADE, related_name="endorsements"
    )
    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.CASCADE, related_name="endorsements"
    )
    representative = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    listed = models.BooleanField(_("the organisation may be named in the public list"), default=False)
    endorsed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["endorsed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="one_endorsement_per_organisation"
            )
        ]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")

    def __str__(self) -> str:
        return str(self.organisation)
