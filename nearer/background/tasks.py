"""The tasks of the background layer itself: running a chore under its lease, pruning."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string

from nearer.background.backends import kind
from nearer.background.chores import by_name
from nearer.background.models import ChoreState, Heartbeat
from nearer.core.logs import event, where

logger = logging.getLogger("nearer.background")

KEEP_FINISHED = timedelta(days=7)


@task()
def run_chore(name: str) -> str:
    """Run the declared chore ``name`` unless another run of it still holds the lease."""
    chore = by_name().get(name)
    if chore is None:
        event(logger, "chore.unknown", logging.WARNING, chore=name)
        return "unknown"
    now = timezone.now()
    taken = ChoreState.objects.filter(
        Q(lease_until__isnull=True) | Q(lease_until__lt=now), name=name
    ).update(lease_until=now + chore.timeout, last_started_at=now)
    if not taken:
        event(logger, "chore.skipped", chore=name, reason="still running elsewhere")
        return "skipped"
    event(logger, "chore.started", chore=name)
    outcome = "failed"
    try:
        result = import_string(name).call()
        outcome = "done"
        event(
            logger,
            "chore.finished",
            chore=name,
            result=result if isinstance(result, int | bool) else None,
            ms=round((timezone.now() - now).total_seconds() * 1000),
        )
    except Exception as error:
        event(logger, "chore.failed", logging.ERROR, chore=name, error=where(error))
        raise
    finally:
        ChoreState.objects.filter(name=name).update(
            lease_until=None, last_finished_at=timezone.now(), last_outcome=outcome
        )
    return outcome


@task()
def prune_task_results() -> int:
    """Forget finished task results older than a week, and heartbeats of long-gone workers."""
    return prune(timezone.now())


def prune(now) -> int:
    cutoff = now - KEEP_FINISHED
    Heartbeat.objects.filter(seen_at__lt=cutoff).delete()
    backend = kind()
    if backend == "database":
        from django_tasks_db.models import DBTaskResult

        deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
        return deleted
    if backend == "redis":
        import django_rq
        from rq.registry import clean_registries

        # RQ keeps results for their result_ttl; this drops registry entries whose jobs
        # have expired, so the registries do not grow without bound.
        for name in settings.RQ_QUEUES:
            clean_registries(django_rq.get_queue(name))
    return 0
