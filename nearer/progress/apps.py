from django.apps import AppConfig
from django.core import checks


def check_directories(app_configs=None, **kwargs):
    """A broken therapist-directory file stops the app at start, not on someone's visit."""
    import yaml

    from nearer.progress import directories

    try:
        directories.directories()
    except (OSError, ValueError, TypeError, AttributeError, yaml.YAMLError) as exc:
        return [checks.Error(f"NEARER_HELP_DIRECTORIES: {exc}", id="nearer.progress.E001")]
    return []


class ProgressConfig(AppConfig):
    name = "nearer.progress"
    label = "progress"

    def ready(self):
        checks.register(check_directories)
