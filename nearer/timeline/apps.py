from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "nearer.timeline"
    label = "timeline"
