from django.db import models


class AgendaSnapshot(models.Model):
    """The agenda as people were last told it; a change notice lists what differs since."""

    meeting = models.OneToOneField("meetings.Meeting", on_delete=models.CASCADE, related_name="+")
    agenda = models.JSONField()
    taken_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Agenda of {self.meeting} as last told"
