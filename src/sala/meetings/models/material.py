import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def material_path(material: "Material", filename: str) -> str:
    """A random name under the meeting: the stored name never comes from the upload."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"materials/{material.item.meeting_id}/{secrets.token_hex(12)}.{extension}"


class Material(models.Model):
    """Slides or a document for one agenda item, uploaded by an organiser or its facilitator."""

    item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=material_path, max_length=200)
    filename = models.CharField(max_length=200, help_text="The name the file was uploaded with.")
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by_facilitator = models.ForeignKey(
        "meetings.Facilitator", null=True, blank=True, on_delete=models.SET_NULL, related_name="materials"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self) -> str:
        return self.title
