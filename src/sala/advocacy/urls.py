"""Public pages of the advocacy app."""

from django.urls import path  # noqa: F401

app_name = "advocacy"
urlpatterns = [
]
