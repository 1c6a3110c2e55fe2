"""Which task backend runs, and a correction for RQ's scheduler.

RQ stores a scheduled job's time in whole seconds, cut down (``calendar.timegm``), so a
task asked to run at 07:00:00.600 could start at 07:00:00, before its moment. A love note
checked that early finds itself not yet due. ``RQBackend`` rounds ``run_after`` up to the
next whole second instead, so a task never starts before the time it was given.
"""

from datetime import timedelta

from django.conf import settings
from django_tasks_rq import RQBackend as _RQBackend


def round_up(when):
    if when is None or not when.microsecond:
        return when
    return when.replace(microsecond=0) + timedelta(seconds=1)


class RQBackend(_RQBackend):
    def enqueue(self, task, args, kwargs):
        if task.run_after is not None:
            task = task.using(run_after=round_up(task.run_after))
        return super().enqueue(task, args, kwargs)


def kind() -> str:
    """``database``, ``redis`` or the backend's own path (one that needs no worker)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.startswith("django_tasks_db."):
        return "database"
    if backend.startswith(("django_tasks_rq.", "nearer.background.backends.RQBackend")):
        return "redis"
    return backend
