from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "nearer.plans"
    label = "plans"
