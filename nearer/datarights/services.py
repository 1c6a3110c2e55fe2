"""Export and account deletion."""

import logging
import time
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone, translation

from nearer import crypto
from nearer.couples.services import leave_couple
from nearer.datarights.models import ExportArchive, ExportJob

logger = logging.getLogger(__name__)

EXPORT_KEPT_FOR = timedelta(hours=48)
DELETION_GRACE = timedelta(days=14)


def request_export(user) -> ExportJob:
    from nearer.datarights.tasks import build_export

    job = ExportJob.objects.create(user=user)
    transaction.on_commit(lambda: build_export.enqueue(str(job.pk)))
    return job


def _bound(job: ExportJob) -> bytes:
    return crypto.bound_to("export", job.pk, "archive")


def run_export(job: ExportJob) -> None:
    from nearer.datarights import export

    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, progress=5)

    def progress(percent):
        ExportJob.objects.filter(pk=job.pk).update(progress=percent)

    with translation.override(job.user.language):  # the worker has no request language
        blob = crypto.encrypt_bytes(job.user, export.archive(job.user, progress), _bound(job))
    ExportArchive.objects.update_or_create(job=job, defaults={"data": blob})
    now = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.READY,
        progress=100,
        finished_at=now,
        expires_at=now + EXPORT_KEPT_FOR,
    )


def take_download(job: ExportJob) -> bytes | None:
    """The archive, once: it is removed as it is handed over."""
    claimed = ExportJob.objects.filter(
        pk=job.pk, status=ExportJob.Status.READY, expires_at__gt=timezone.now()
    ).update(status=ExportJob.Status.DOWNLOADED, downloaded_at=timezone.now())
    archive = ExportArchive.objects.filter(job=job).first() if claimed else None
    if archive is None:
        return None
    try:
        data = crypto.decrypt_bytes(job.user, bytes(archive.data), _bound(job))
    except ValueError:
        data = None  # written before this format, or damaged: the person can ask again
    archive.delete()
    return data


def expire_exports() -> int:
    expired = ExportJob.objects.filter(
        status=ExportJob.Status.READY, expires_at__lte=timezone.now()
    )
    ExportArchive.objects.filter(job__in=expired).delete()
    return expired.update(status=ExportJob.Status.EXPIRED)


def end_sessions(user, keep_session: str | None = None) -> int:
    """End every session of the person except ``keep_session`` (the one asking)."""
    from allauth.usersessions.models import UserSession

    ended = 0
    for session in UserSession.objects.filter(user=user).exclude(session_key=keep_session or ""):
        session.end()
        ended += 1
    return ended


def request_deletion(user, keep_session: str | None = None) -> None:
    """Schedule the deletion. At once, every other session ends and the person's API tokens
    stop working (``nearer/api.py``) until they log in again, which cancels it."""
    from nearer.datarights.tasks import purge_account

    user.deletion_requested_at = timezone.now()
    user.save(update_fields=["deletion_requested_at"])
    end_sessions(user, keep_session)
    run_after = user.deletion_requested_at + DELETION_GRACE
    transaction.on_commit(lambda: purge_account.using(run_after=run_after).enqueue(user.pk))


def cancel_deletion(user) -> bool:
    if user.deletion_requested_at is None:
        return False
    user.deletion_requested_at = None
    user.save(update_fields=["deletion_requested_at"])
    return True


def purge_if_due(user) -> bool:
    """Delete the account for good if its grace period is over and nobody cancelled."""
    if (
        user.deletion_requested_at is None
        or timezone.now() < user.deletion_requested_at + DELETION_GRACE
    ):
        return False
    leave_couple(user)  # the partner keeps their own words; nothing of this person stays
    user.delete()  # cascades to everything they wrote (waiting exports too) and the data key
    crypto.forget_keys()
    transaction.on_commit(flush_deleted_pages)
    return True


def flush_deleted_pages() -> bool:
    """Make a purge final on disk (SQLite): with ``secure_delete`` on, deleted rows are
    zeroed in their pages, and the checkpoint copies those pages into the database file and
    empties the write-ahead log, which still held the old versions. PostgreSQL needs the
    operator's VACUUM and backup policy instead (README, "Deleting for good")."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        for _attempt in range(5):
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy, _log, _done = cursor.fetchone()
            if not busy:
                return True
            time.sleep(0.2)  # a reader still holds an old snapshot; give it a moment
    logger.warning(
        "The WAL checkpoint after an account purge could not complete; it will "
        "complete at the next checkpoint."
    )
    return False


def purge_due_accounts() -> int:
    from django.contrib.auth import get_user_model

    cutoff = timezone.now() - DELETION_GRACE
    due = get_user_model().objects.filter(deletion_requested_at__lte=cutoff)
    return sum(purge_if_due(user) for user in due)


def rotate_server_key() -> dict[str, int]:
    """Re-wrap every data key and every server-encrypted value under the newest server key.

    Afterwards the older keys can be removed from ``NEARER_SERVER_KEY``. Runs in one
    transaction: either everything moves to the newest key or nothing does.
    """
    from django.contrib.auth import get_user_model

    from nearer import registry

    counts = {"data keys": 0}
    with transaction.atomic():
        users = get_user_model().objects.only("pk", "wrapped_key")
        for user in users.iterator():
            if user.wrapped_key:
                rewrapped = crypto.server_rotate(user.wrapped_key)
                users.filter(pk=user.pk).update(wrapped_key=rewrapped)
                counts["data keys"] += 1
        for entry in registry.entries():
            for column in entry.server_encrypted:
                rows = entry.model._default_manager.only("pk", column)
                label = f"{entry.name}.{column}"
                counts[label] = 0
                for row in rows.iterator():
                    value = getattr(row, column)
                    if value:
                        rows.filter(pk=row.pk).update(**{column: crypto.server_rotate(value)})
                        counts[label] += 1
    crypto.forget_keys()
    return counts
