"""Exports a person asked for. The archive is encrypted with their own data key, can be
downloaded once, and is removed when downloaded or expired.

The archive lives in the database (``ExportArchive``), not in a server's data folder, so
the worker that builds it and whichever app server hands it over need share nothing else."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class ExportJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        READY = "ready"
        DOWNLOADED = "downloaded"
        EXPIRED = "expired"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Export {self.pk} ({self.status})"

    @property
    def downloadable(self) -> bool:
        return (
            self.status == self.Status.READY
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


class ExportArchive(models.Model):
    """The encrypted archive of a ready export, apart from the job so lists never load it."""

    job = models.OneToOneField(
        ExportJob, on_delete=models.CASCADE, primary_key=True, related_name="archive"
    )
    data = models.BinaryField()

    def __str__(self):
        return f"Archive of export {self.job_id}"
