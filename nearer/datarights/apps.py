from django.apps import AppConfig


class DataRightsConfig(AppConfig):
    name = "nearer.datarights"
    label = "datarights"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.tasks.signals import task_finished, task_started

        from nearer import crypto
        from nearer.datarights import receivers  # noqa: F401

        # Unwrapped data keys live for one request or one task, never longer.
        for signal in (request_started, request_finished, task_started, task_finished):
            signal.connect(crypto.forget_keys, dispatch_uid=f"forget_keys_{id(signal)}")
