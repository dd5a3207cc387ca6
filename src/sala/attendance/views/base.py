"""What the organisers' attendance screens share: the meeting, and the permission."""

from sala.meetings.views.base import OrganiserMixin


class PeopleMixin(OrganiserMixin):
    """Only the meeting's organisers: anyone else gets 403 (or 404 if the meeting is hidden)."""

    permission = "attendance.manage_people"


class ExportMixin(OrganiserMixin):
    permission = "attendance.export_people"
