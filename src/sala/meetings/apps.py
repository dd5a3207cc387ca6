from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "sala.meetings"
    label = "meetings"
