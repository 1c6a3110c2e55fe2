from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "nearer.reminders"
    label = "reminders"
