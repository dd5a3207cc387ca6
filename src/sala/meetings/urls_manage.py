from django.urls import path

from .views import manage_agenda as agenda
from .views import manage_concept_note as concept_note
from .views import manage_meeting as meeting
from .views import materials

app_name = "manage"
m = "meetings/<slug:slug>/"
urlpatterns = [
    path("", meeting.DashboardView.as_view(), name="dashboard"),
    path("meetings/new/", meeting.MeetingCreateView.as_view(), name="meeting_create"),
    path(
        "meetings/new/concept-note/",
        concept_note.ConceptNoteUploadView.as_view(),
        name="concept_note_upload",
    ),
    path(
        "meetings/new/concept-note/create/",
        concept_note.ConceptNoteCreateView.as_view(),
        name="concept_note_create",
    ),
    path(m, meeting.MeetingOverviewView.as_view(), name="meeting"),
    path(m + "edit/", meeting.MeetingEditView.as_view(), name="meeting_edit"),
    path(m + "audit/", meeting.AuditLogView.as_view(), name="audit"),
    path(m + "agenda/", agenda.AgendaView.as_view(), name="agenda"),
    path(m + "agenda/add/", agenda.ItemCreateView.as_view(), name="item_add"),
    path(m + "agenda/<int:pk>/edit/", agenda.ItemEditView.as_view(), name="item_edit"),
    path(m + "agenda/<int:pk>/delete/", agenda.ItemDeleteView.as_view(), name="item_delete"),
    path(m + "agenda/<int:pk>/move/<str:direction>/", agenda.ItemMoveView.as_view(), name="item_move"),
    # materials
    path(m + "agenda/<int:pk>/materials/", materials.ItemMaterialsView.as_view(), name="item_materials"),
    path(m + "materials/<int:pk>/remove/", materials.MaterialRemoveView.as_view(), name="material_remove"),
    path(
        m + "agenda/<int:pk>/facilitators/add/", agenda.FacilitatorAddView.as_view(), name="facilitator_add"
    ),
    path(m + "facilitators/<int:pk>/edit/", agenda.FacilitatorEditView.as_view(), name="facilitator_edit"),
    path(
        m + "facilitators/<int:pk>/remove/", agenda.FacilitatorRemoveView.as_view(), name="facilitator_remove"
    ),
    path(
        m + "facilitators/<int:pk>/move/<str:direction>/",
        agenda.FacilitatorMoveView.as_view(),
        name="facilitator_move",
    ),
]
