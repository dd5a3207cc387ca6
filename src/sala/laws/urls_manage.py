"""Organisers' pages of the laws app, under /manage/."""

from django.urls import path  # noqa: F401

app_name = "laws_manage"
urlpatterns = [
]
