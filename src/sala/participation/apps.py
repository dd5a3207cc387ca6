from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "sala.participation"
    label = "participation"
