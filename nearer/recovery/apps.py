from django.apps import AppConfig


class RecoveryConfig(AppConfig):
    name = "nearer.recovery"
    label = "recovery"
