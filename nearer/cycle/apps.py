from django.apps import AppConfig


class CycleConfig(AppConfig):
    name = "nearer.cycle"
    label = "cycle"
