"""Organisers' input screens, under /manage/consultations/<slug>/inputs/."""

from django.urls import path

from .views import exports, manage
from .views import groups as breakout
from .views import questions as qa

app_name = "participation_manage"
c = "consultations/<slug:slug>/inputs/"
urlpatterns = [
    path(c, manage.InputListView.as_view(), name="inputs"),
    path(c + "add/", manage.InputAddView.as_view(), name="input_add"),
    path(c + "window/", manage.WindowView.as_view(), name="window"),
    path(c + "draft/", manage.DraftView.as_view(), name="draft"),
    path(c + "<int:pk>/place/", manage.PlaceView.as_view(), name="place"),
    path(c + "inputs.csv", exports.InputsCsvView.as_view(), name="export"),
]

# Q&A: the meeting's items, each item's queue, settings and projector.
m = "meetings/<slug:slug>/questions/"
i = m + "<int:item_pk>/"
urlpatterns += [
    path(m, qa.ItemsView.as_view(), name="questions"),
    path(i, qa.OrganiserQueueView.as_view(), name="questions_queue"),
    path(i + "live/", qa.OrganiserQueueLiveView.as_view(), name="questions_queue_live"),
    path(i + "<int:pk>/<str:action>/", qa.OrganiserModerateView.as_view(), name="questions_moderate"),
    path(i + "settings/", qa.SettingsView.as_view(), name="questions_settings"),
    path(i + "projector/", qa.OrganiserProjectorView.as_view(), name="questions_projector"),
    path(i + "projector/live/", qa.OrganiserProjectorLiveView.as_view(), name="questions_projector_live"),
]

# Breakout groups: the board, each group, moving a person (pk: the person), the plenary.
g = "meetings/<slug:slug>/groups/"
urlpatterns += [
    path(g, breakout.GroupsView.as_view(), name="groups"),
    path(g + "add/", breakout.GroupAddView.as_view(), name="group_add"),
    path(g + "assign/", breakout.AssignView.as_view(), name="groups_assign"),
    path(g + "<int:pk>/edit/", breakout.GroupEditView.as_view(), name="group_edit"),
    path(g + "<int:pk>/delete/", breakout.GroupDeleteView.as_view(), name="group_delete"),
    path(g + "people/<int:pk>/move/", breakout.MoveView.as_view(), name="group_move"),
    path(g + "plenary/", breakout.PlenaryView.as_view(), name="plenary"),
    path(g + "plenary/stage/", breakout.PlenaryStageView.as_view(), name="plenary_stage"),
]
