from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sala.core"
    label = "core"
