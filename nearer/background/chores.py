"""The one declared list of periodic chores.

Each chore is a Django task (``@task()`` in an app's ``tasks.py``, taking no arguments)
named by its dotted path, and how often it runs. The worker's beat (``beat.py``) enqueues
each chore when it is due, once across all workers, and ``run_chore`` makes sure two runs
of the same chore never overlap. To add one: write the task, test the service it calls,
add a line here. Nothing else is needed; a chore removed from this list simply stops.
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Chore:
    task: str  # dotted path of a Django task that takes no arguments
    every: timedelta
    # How long one run may take before another worker may assume it died and start again.
    timeout: timedelta = timedelta(minutes=30)


CHORES: tuple[Chore, ...] = (
    # Notes whose moment passed while no worker was running (each note also has its own
    # scheduled task; this is the catch-up).
    Chore("nearer.notes.tasks.deliver_due_notes", every=timedelta(minutes=1)),
    # Exports are downloadable for 48 hours, then removed.
    Chore("nearer.datarights.tasks.expire_exports", every=timedelta(hours=1)),
    # Accounts whose 14-day grace period is over (each also has its own scheduled task).
    Chore("nearer.datarights.tasks.purge_due_accounts", every=timedelta(hours=1)),
    # Reminders (email, web push) that have come due, each claimed once by one worker.
    Chore(
        "nearer.reminders.tasks.send_due_reminders",
        every=timedelta(minutes=1),
        timeout=timedelta(minutes=10),
    ),
    # Finished task results and old heartbeats.
    Chore("nearer.background.tasks.prune_task_results", every=timedelta(hours=6)),
)


def by_name() -> dict[str, Chore]:
    return {chore.task: chore for chore in CHORES}
