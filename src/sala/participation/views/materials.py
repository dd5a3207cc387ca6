"""A material of the meeting, for its invitees and registrants, by their personal link.

Materials live in the meetings app, which cannot know invitations (it sits below
attendance): so the participant's way in is here, and the file is sent by the same helper
as every other way in (`meetings.downloads.material_response`). The link decides the
meeting; a material of another meeting is not found.
"""

from django.shortcuts import get_object_or_404
from django.views.generic import View

from sala.meetings.downloads import material_response
from sala.meetings.models import Material

from .participant import ParticipantMixin


class MaterialView(ParticipantMixin, View):
    def get(self, request, token, pk, name):
        return material_response(get_object_or_404(Material, pk=pk, item__meeting=self.meeting))
