"""Reminders: each person's preferences, and the reminders waiting to be sent.

A reminder row says only *what kind* of thing is waiting (a date was proposed, the question
of the day) and where to look; it never holds what anyone wrote. Workers claim due rows
atomically (see ``services.claim``), so several workers never send one twice.
"""

from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nearer.visibility import OwnedQuerySet


class ReminderKind(models.TextChoices):
    QUESTION = "question", _("The question of the day")
    PLAN_STEP = "plan_step", _("Today's step in my plan")
    NOTE = "note", _("A note arrived")
    DATE_PROPOSED = "date_proposed", _("A date was proposed")
    DATE_COMING_UP = "date_coming_up", _("A date is coming up")
    CALL = "call", _("A call is coming up")
    WEEKLY = "weekly", _("The weekly state of us")
    LETTER = "letter", _("Once a month, an idea for a letter or parcel (when you live apart)")


def all_kinds() -> list[str]:
    return list(ReminderKind.values)


class Preference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    email = models.BooleanField(_("by email"), default=True)
    push = models.BooleanField(_("as a notification on this device"), default=False)
    nudge_time = models.TimeField(_("daily reminder at"), default=time(18, 0))
    quiet_start = models.TimeField(_("quiet from"), default=time(22, 0))
    quiet_end = models.TimeField(_("quiet until"), default=time(8, 0))
    kinds = models.JSONField(default=all_kinds)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Preference {self.pk}"

    def export_data(self) -> dict:
        labels = dict(ReminderKind.choices)
        return {
            "by_email": self.email,
            "by_push": self.push,
            "daily_reminder_at": self.nudge_time.strftime("%H:%M"),
            "quiet_from": self.quiet_start.strftime("%H:%M"),
            "quiet_until": self.quiet_end.strftime("%H:%M"),
            "kinds": [str(labels.get(k, k)) for k in self.kinds],
        }


class ReminderQuerySet(OwnedQuerySet):
    def claimable(self, now, stale):
        """Due, unsent, and unclaimed (or claimed by a worker that stopped before sending)."""
        return self.filter(claimable_q(now, stale))


def claimable_q(now, stale) -> Q:
    return Q(sent_at__isnull=True, due_at__lte=now) & (
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale)
    )


class Reminder(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    # What it is about ("proposal:12", "day:2026-11-26"): one reminder per person and key.
    key = models.CharField(max_length=80)
    due_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True, default="", db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="one_reminder_per_key")
        ]
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(sent_at__isnull=True), name="reminder_due_idx"
            )
        ]

    def __str__(self):
        return f"Reminder {self.pk}"

    def export_data(self) -> dict:
        return {
            "kind": self.get_kind_display(),
            "due_at": self.due_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
        }


class PushSubscription(models.Model):
    """A browser's web-push address for one person (from the service worker)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"PushSubscription {self.pk}"

    def export_data(self) -> dict:
        return {"device_added": self.created_at.isoformat()}


class Shown(models.Model):
    """What "What's new" on Today has already shown a person, so each thing shows once.

    Private to that person: nothing about it ever reaches the partner (no read receipts).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=80)
    shown_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="shown_once")]

    def __str__(self):
        return f"Shown {self.pk}"

    def export_data(self) -> dict:
        return {"shown_at": self.shown_at.isoformat()}
