from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "nearer.library"
    label = "library"
