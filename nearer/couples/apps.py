from django.apps import AppConfig


class CouplesConfig(AppConfig):
    name = "nearer.couples"
    label = "couples"
