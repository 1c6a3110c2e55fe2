from django.apps import AppConfig


class DataRightsConfig(AppConfig):
    name = "nearer.datarights"
    label = "datarights"

    def ready(self):
        from nearer.datarights import receivers  # noqa: F401
