"""Public pages of the laws app."""

from django.urls import path  # noqa: F401

app_name = "laws"
urlpatterns = [
]
