from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "nearer.background"
    label = "background"
    verbose_name = "Background work"

    def ready(self):
        from nearer.background import signals

        signals.connect()
