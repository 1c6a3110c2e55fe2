from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "nearer.audit"
    label = "audit"

    def ready(self):
        from nearer.audit import receivers  # noqa: F401  (connects the signal receivers)
