"""What /healthz/ready reports: the worker's last heartbeat and the oldest overdue task."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from nearer.background.backends import kind
from nearer.background.models import Heartbeat

# A task this late past its time means no worker is taking work.
OVERDUE_AFTER = timedelta(minutes=1)


def oldest_overdue(now):
    """When the oldest task that should have started by now was due (None: nothing late)."""
    backend = kind()
    cutoff = now - OVERDUE_AFTER
    if backend == "database":
        from django_tasks_db.models import DBTaskResult

        oldest = None
        for task in DBTaskResult.objects.ready().order_by("run_after", "enqueued_at")[:50]:
            # run_after is the far future's max date for "as soon as possible"; then the
            # task has been due since it was enqueued.
            due = task.enqueued_at if task.run_after.year >= 9999 else task.run_after
            if due <= cutoff and (oldest is None or due < oldest):
                oldest = due
        return oldest
    if backend == "redis":
        import django_rq

        oldest = None
        for name in settings.RQ_QUEUES:
            queue = django_rq.get_queue(name)
            # Scheduled jobs whose moment has passed but that no scheduler has moved yet.
            scheduled = queue.scheduled_job_registry.get_job_ids(0, 0)
            if scheduled:
                due = queue.scheduled_job_registry.get_scheduled_time(scheduled[0])
                if due and due <= cutoff and (oldest is None or due < oldest):
                    oldest = due
            # Jobs waiting on the queue itself.
            first = queue.get_job_ids(0, 1)
            if first:
                job = queue.fetch_job(first[0])
                due = job.enqueued_at if job else None
                if due is not None and timezone.is_naive(due):
                    due = timezone.make_aware(due, timezone.UTC)
                if due and due <= cutoff and (oldest is None or due < oldest):
                    oldest = due
        return oldest
    return None


def readiness(now=None) -> tuple[bool, dict]:
    now = now or timezone.now()
    last = Heartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    silent = last is None or (now - last).total_seconds() > settings.NEARER_WORKER_SILENCE
    overdue = oldest_overdue(now)
    report = {
        "database": "ok",
        "worker_last_heartbeat": last.isoformat() if last else None,
        "worker": "silent" if silent else "ok",
        "oldest_overdue_task": overdue.isoformat() if overdue else None,
    }
    return not silent, report
