"""Organisers' input screens, under /manage/consultations/<slug>/inputs/."""

from django.urls import path

from .views import exports, manage

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
