from django.conf import settings
from django.db import models


class ListUpload(models.Model):
    """A participant list waiting for the organiser to confirm its preview.

    Only the file is kept between the preview and the confirmation; no person or
    organisation exists until then. Uploads older than a day are deleted.
    """

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.filename
