from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "nearer.core"
    label = "core"

    def ready(self):
        from nearer import registry

        registry.autodiscover()
