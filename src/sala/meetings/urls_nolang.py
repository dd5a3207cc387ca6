"""Addresses without a language prefix (calendar apps fetch them without a cookie)."""

from django.urls import path

from .views import exports

app_name = "meetings_calendar"
urlpatterns = [
    path("meetings/<slug:slug>/calendar.ics", exports.calendar_ics, name="calendar"),
]
