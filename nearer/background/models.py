"""What the worker keeps about itself: each chore's schedule and lease, and heartbeats.

Nothing here points at a person or holds anything a person wrote.
"""

from django.db import models


class ChoreState(models.Model):
    """One row per declared chore. ``next_run_at`` is claimed by an atomic UPDATE, so of
    several workers exactly one enqueues each run; ``lease_until`` is held while the chore
    runs, so two runs never overlap even when one takes longer than the interval."""

    name = models.CharField(max_length=200, primary_key=True)
    next_run_at = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=20, blank=True)

    def __str__(self):
        return self.name


class Heartbeat(models.Model):
    """A running worker process says it is alive every few seconds."""

    worker = models.CharField(max_length=120, primary_key=True)
    backend = models.CharField(max_length=20)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.worker
