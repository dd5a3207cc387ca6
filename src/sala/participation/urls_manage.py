"""Organisers' pages of the participation app, under /manage/."""

from django.urls import path  # noqa: F401

app_name = "participation_manage"
urlpatterns = [
]
