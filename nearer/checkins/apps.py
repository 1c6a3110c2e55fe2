from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "nearer.checkins"
    label = "checkins"
