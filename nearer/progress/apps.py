from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "nearer.progress"
    label = "progress"
