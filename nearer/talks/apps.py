from django.apps import AppConfig


class TalksConfig(AppConfig):
    name = "nearer.talks"
    label = "talks"
