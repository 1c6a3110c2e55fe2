from django.apps import AppConfig


class DesiresConfig(AppConfig):
    name = "nearer.desires"
    label = "desires"
