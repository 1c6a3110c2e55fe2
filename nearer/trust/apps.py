from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "nearer.trust"
    label = "trust"
