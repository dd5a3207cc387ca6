"""Organisers' pages of the advocacy app, under /manage/."""

from django.urls import path  # noqa: F401

app_name = "advocacy_manage"
urlpatterns = [
]
