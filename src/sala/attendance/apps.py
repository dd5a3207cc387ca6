from django.apps import AppConfig


class AttendanceConfig(AppConfig):
    name = "sala.attendance"
    label = "attendance"
