"""The periodic reminder chore (the background layer's chore list calls it)."""

from django.tasks import task

from nearer.reminders import services


@task()
def send_due_reminders() -> int:
    """Add the nudges that have come due, then send every due reminder once."""
    services.plan_periodic()
    return services.send_due()
