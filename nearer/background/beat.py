"""The worker's beat: a thread in every worker process that says the worker is alive and
enqueues each declared chore when it is due.

Several workers may run it at once: a chore is enqueued by whichever worker wins one atomic
``UPDATE … WHERE next_run_at <= now`` (the database is the lock, on SQLite and PostgreSQL
alike), so each due run is enqueued exactly once; ``run_chore`` then holds a lease so that
two runs never overlap.
"""

import logging
import os
import socket
import threading

from django.db import close_old_connections
from django.utils import timezone

from nearer.background.chores import CHORES
from nearer.background.models import ChoreState, Heartbeat
from nearer.core.logs import event, where

logger = logging.getLogger("nearer.background")


def heartbeat(worker: str, backend: str, started_at) -> None:
    now = timezone.now()
    Heartbeat.objects.update_or_create(
        worker=worker, defaults={"backend": backend, "seen_at": now, "started_at": started_at}
    )


def tick(now=None) -> list[str]:
    """Enqueue every chore that is due and that this worker wins; returns their names."""
    from nearer.background.tasks import run_chore

    now = now or timezone.now()
    ChoreState.objects.bulk_create(
        [ChoreState(name=chore.task, next_run_at=now) for chore in CHORES],
        ignore_conflicts=True,
    )
    due = dict(
        ChoreState.objects.filter(
            name__in=[c.task for c in CHORES], next_run_at__lte=now
        ).values_list("name", "next_run_at")
    )
    enqueued = []
    for chore in CHORES:
        if chore.task not in due:
            continue
        won = ChoreState.objects.filter(name=chore.task, next_run_at=due[chore.task]).update(
            next_run_at=now + chore.every
        )
        if won:
            run_chore.enqueue(chore.task)
            event(logger, "chore.enqueued", chore=chore.task, next=(now + chore.every).isoformat())
            enqueued.append(chore.task)
    return enqueued


class Beat(threading.Thread):
    def __init__(self, backend: str, interval: float = 5.0):
        super().__init__(name="nearer-beat", daemon=True)
        self.backend = backend
        self.interval = interval
        self.worker = f"{socket.gethostname()}:{os.getpid()}"
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self):
        event(logger, "beat.started", worker=self.worker, interval=self.interval)
        while not self.stopping.is_set():
            try:
                close_old_connections()
                heartbeat(self.worker, self.backend, self.started_at)
                tick()
            except Exception as error:  # a database hiccup must not stop the beat
                event(logger, "beat.error", logging.ERROR, error=where(error))
            finally:
                close_old_connections()
            self.stopping.wait(self.interval)

    def stop(self):
        self.stopping.set()
