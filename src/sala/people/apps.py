from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "sala.people"
    label = "people"
