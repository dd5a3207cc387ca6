from django.apps import AppConfig


class LawsConfig(AppConfig):
    name = "sala.laws"
    label = "laws"
