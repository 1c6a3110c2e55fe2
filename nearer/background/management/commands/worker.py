"""``manage.py worker``: the one command that runs background work, on either backend.

It starts the beat (heartbeat + periodic chores, see ``nearer/background/beat.py``) and then
the backend's own worker: django-tasks-db's ``db_worker``, or django-rq's ``rqworker`` with
RQ's scheduler, which moves tasks with a ``run_after`` onto the queue at their time (only
one worker's scheduler does so at a time; RQ holds a lock per queue in Redis).
Run as many as you like; chores still run once.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from nearer.background import backends
from nearer.background.beat import Beat
from nearer.core.logs import startup


class Command(BaseCommand):
    help = "Run background tasks and the periodic chores (any number of these may run)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--beat-interval",
            type=float,
            default=settings.NEARER_BEAT_INTERVAL,
            help="Seconds between heartbeats and chore checks (default %(default)s).",
        )

    def handle(self, *args, **options):
        kind = backends.kind()
        if kind not in ("database", "redis"):
            raise CommandError(
                f"TASKS_BACKEND runs tasks without a worker ({kind}); use database or redis."
            )
        startup(f"worker:{kind}")
        beat = Beat(kind, interval=options["beat_interval"])
        beat.start()
        try:
            if kind == "redis":
                call_command(
                    "rqworker",
                    *settings.TASKS["default"].get("QUEUES", ["default"]),
                    job_class="django_tasks_rq.Job",
                    with_scheduler=True,
                )
            else:
                call_command("db_worker", interval=1, reload=False)
        finally:
            beat.stop()
