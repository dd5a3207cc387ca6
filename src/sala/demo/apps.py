from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The 2014 Cybercrime Law meeting, as demo data (top layer: may use every app)."""

    name = "sala.demo"
    label = "demo"
