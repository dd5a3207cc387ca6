"""Public pages of the participation app."""

from django.urls import path  # noqa: F401

app_name = "participation"
urlpatterns = [
]
