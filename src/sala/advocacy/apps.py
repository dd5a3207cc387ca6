from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "sala.advocacy"
    label = "advocacy"
