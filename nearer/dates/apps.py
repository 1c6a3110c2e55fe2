from django.apps import AppConfig


class DatesConfig(AppConfig):
    name = "nearer.dates"
    label = "dates"
