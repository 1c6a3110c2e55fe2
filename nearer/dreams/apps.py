from django.apps import AppConfig


class DreamsConfig(AppConfig):
    name = "nearer.dreams"
    label = "dreams"
