"""One log line for each moment of a task's life: enqueued, started, finished or failed,
and retried (a task started again after an earlier attempt). Only ids and dotted paths:
a task's arguments are ids by convention, and are never logged anyway."""

import logging
import sys

from nearer.core.logs import event, where

logger = logging.getLogger("nearer.tasks")


def _path(task_result) -> str:
    return task_result.task.module_path


def enqueued(sender, task_result, **kwargs):
    run_after = getattr(task_result.task, "run_after", None)
    event(
        logger,
        "task.enqueued",
        task=_path(task_result),
        id=task_result.id,
        run_after=run_after.isoformat() if run_after else None,
    )


def started(sender, task_result, **kwargs):
    attempts = len(getattr(task_result, "worker_ids", None) or [])
    event(
        logger,
        "task.retried" if attempts > 1 else "task.started",
        task=_path(task_result),
        id=task_result.id,
        attempt=max(attempts, 1),
    )


def finished(sender, task_result, **kwargs):
    status = str(getattr(task_result.status, "value", task_result.status))
    fields = {"task": _path(task_result), "id": task_result.id, "status": status}
    if task_result.started_at and task_result.finished_at:
        fields["ms"] = round(
            (task_result.finished_at - task_result.started_at).total_seconds() * 1000
        )
    if status == "FAILED":
        error = sys.exc_info()[1]
        if error is not None:
            fields["error"] = where(error)
        elif task_result.errors:
            fields["error"] = task_result.errors[-1].exception_class_path
        event(logger, "task.failed", logging.ERROR, **fields)
    else:
        event(logger, "task.finished", **fields)


def connect():
    modules = []
    from django.tasks import signals as django_signals

    modules.append(django_signals)
    try:  # django-tasks-rq (and older backends) send the backport's signals
        from django_tasks import signals as backport_signals
    except ImportError:  # pragma: no cover
        backport_signals = None
    if backport_signals is not None and backport_signals is not django_signals:
        modules.append(backport_signals)
    for module in modules:
        module.task_enqueued.connect(enqueued, dispatch_uid=f"nearer.enqueued.{module.__name__}")
        module.task_started.connect(started, dispatch_uid=f"nearer.started.{module.__name__}")
        module.task_finished.connect(finished, dispatch_uid=f"nearer.finished.{module.__name__}")
