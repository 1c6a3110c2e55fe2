"""Time together: dates proposed and kept, recurring couple time, visits, free times and the
personal calendar feed.

A proposal is shared with the partner from the start (it is addressed to them). Times are
stored as UTC instants; recurring series keep their rule in local wall-clock time with the
zone it was written in, so "Friday 19:00" stays 19:00 across daylight-saving changes.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nearer.encrypted import encrypted
from nearer.visibility import Authored, AuthoredQuerySet, OwnedQuerySet


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for an answer")
    COUNTERED = "countered", _("Another time suggested")
    ACCEPTED = "accepted", _("Planned")
    DECLINED = "declined", _("Not this time")
    CANCELLED = "cancelled", _("Called off")


class DeclineReason(models.TextChoices):
    # Kind, ready-made words: declining never needs an explanation.
    ANOTHER_TIME = "another_time", _("Not this time, but I would love to another time.")
    NOT_FOR_ME = "not_for_me", _("This idea is not for me, but thank you for thinking of us.")
    TOO_MUCH = "too_much", _("I have too much on right now. Let us find something smaller.")


class CancelReason(models.TextChoices):
    # Kind, ready-made words for calling off a planned date; no explanation is ever needed.
    CAME_UP = "came_up", _("Something came up. Let us find another time soon.")
    NOT_UP_TO_IT = "not_up_to_it", _("I am not up to it this time. Thank you for understanding.")
    TOO_MUCH = "too_much", _("I have too much on right now. Let us find something smaller.")


class ProposalQuerySet(AuthoredQuerySet):
    def planned(self):
        return self.filter(status=Status.ACCEPTED, starts_at__isnull=False)


class Proposal(Authored):
    """A date (or a call) one partner proposes to the other, with one or more times."""

    class Kind(models.TextChoices):
        DATE = "date", _("Date")
        CALL = "call", _("Call")

    # Kept (cleared) if the partner deletes their account: each keeps what they wrote.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DATE)
    item = models.ForeignKey(
        "library.Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title_encrypted = models.BinaryField(default=b"")
    title = encrypted("title_encrypted")
    message_encrypted = models.BinaryField(default=b"")
    message = encrypted("message_encrypted")
    minutes = models.PositiveIntegerField(default=120)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    decline_reason = models.CharField(max_length=20, choices=DeclineReason.choices, blank=True)
    # Who called it off (either partner, once it is planned) and, if they chose one, a kind
    # ready-made reason: never free text, so notifications can never carry anyone's words.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancel_reason = models.CharField(max_length=20, choices=CancelReason.choices, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    tried_new_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Proposal {self.pk}"

    @property
    def name(self) -> str:
        return self.title or (self.item.title if self.item_id else "")

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.minutes) if self.starts_at else None

    def export_data(self) -> dict:
        return {
            "kind": self.get_kind_display(),
            "idea": self.name,
            "message": self.message,
            "status": self.get_status_display(),
            "starts_at": self.starts_at.isoformat() if self.starts_at else None,
            "minutes": self.minutes,
            "times_offered": [t.starts_at.isoformat() for t in self.times.all()],
            "declined_with": self.get_decline_reason_display() if self.decline_reason else "",
            "called_off_with": self.get_cancel_reason_display() if self.cancel_reason else "",
            "we_tried_something_new": self.tried_new_at is not None,
            "created_at": self.created_at.isoformat(),
        }


class ProposedTime(models.Model):
    """One time offered for a proposal, by the proposer or, as a suggestion, the partner."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="times")
    starts_at = models.DateTimeField()
    from_recipient = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self):
        return f"ProposedTime {self.pk}"


class Reflection(Authored):
    """What one partner thought after a date: private, or shared with the partner."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reflections")
    text_encrypted = models.BinaryField(default=b"")
    text = encrypted("text_encrypted")

    class Meta:
        ordering = ["created_at", "id"]

    def export_data(self) -> dict:
        return {
            "date": self.proposal.name,
            "text": self.text,
            "visibility": self.get_visibility_display(),
            "created_at": self.created_at.isoformat(),
        }


class IdeaMark(models.Model):
    """A person's own marks on a library date idea: a favourite, and "we did this"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("library.Item", on_delete=models.CASCADE, related_name="+")
    favourite = models.BooleanField(default=False)
    done = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "item"], name="one_mark_per_idea")]

    def __str__(self):
        return f"IdeaMark {self.pk}"

    def export_data(self) -> dict:
        return {"idea": self.item.title, "favourite": self.favourite, "we_did_this": self.done}


class Series(Authored):
    """Recurring time together ("Friday evening is ours"), a recurring call, an anniversary.

    ``rule`` is an RFC 5545 RRULE (e.g. ``FREQ=WEEKLY;BYDAY=FR``) applied to ``starts_local``
    in ``time_zone``; ``exceptions`` lists the local start times (ISO) that are skipped.
    """

    class Kind(models.TextChoices):
        TOGETHER = "together", _("Time together")
        CALL = "call", _("Call")
        ANNIVERSARY = "anniversary", _("Anniversary")

    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.TOGETHER)
    title_encrypted = models.BinaryField(default=b"")
    title = encrypted("title_encrypted")
    rule = models.CharField(max_length=300)
    # Wall-clock start in ``time_zone`` (kept as a date and a time: never converted to UTC).
    first_day = models.DateField()
    at = models.TimeField()
    time_zone = models.CharField(max_length=64)
    minutes = models.PositiveIntegerField(default=60)
    exceptions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["first_day", "at", "id"]

    @property
    def starts_local(self) -> datetime:
        return datetime.combine(self.first_day, self.at)

    def export_data(self) -> dict:
        return {
            "kind": self.get_kind_display(),
            "title": self.title,
            "rule": self.rule,
            "starts": self.starts_local.isoformat(),
            "time_zone": self.time_zone,
            "minutes": self.minutes,
            "skipped": list(self.exceptions),
        }


class Visit(Authored):
    """A visit for partners who live apart: when, where and what they want to do."""

    starts_on = models.DateField()
    ends_on = models.DateField()
    place_encrypted = models.BinaryField(default=b"")
    place = encrypted("place_encrypted")
    plans_encrypted = models.BinaryField(default=b"")
    plans = encrypted("plans_encrypted")

    class Meta:
        ordering = ["starts_on", "id"]

    def export_data(self) -> dict:
        return {
            "from": self.starts_on.isoformat(),
            "until": self.ends_on.isoformat(),
            "place": self.place,
            "plans": self.plans,
        }


class FreeTime(Authored):
    """When a person is usually free, in their own time zone (shared so windows can be found)."""

    weekday = models.PositiveSmallIntegerField()  # 0 = Monday
    start = models.TimeField()
    end = models.TimeField()

    class Meta:
        ordering = ["weekday", "start", "id"]

    def export_data(self) -> dict:
        import calendar

        return {
            "weekday": calendar.day_name[self.weekday],
            "from": self.start.strftime("%H:%M"),
            "until": self.end.strftime("%H:%M"),
        }


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A person's secret calendar-subscription address (regenerating it revokes the old one)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # Kept encrypted so the settings page can show the address again.
    token_encrypted = models.BinaryField(default=b"")
    token = encrypted("token_encrypted", owner="user")
    # None: follow the default (neutral while the person's safety check signalled danger).
    neutral_titles = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"CalendarFeed {self.pk}"

    def regenerate(self) -> str:
        raw = secrets.token_urlsafe(32)
        self.token_hash = _hash(raw)
        self.token = raw
        self.created_at = timezone.now()
        return raw

    def revoke(self) -> None:
        self.token_hash = None
        self.token_encrypted = b""

    @classmethod
    def find(cls, raw: str):
        return cls.objects.select_related("user").filter(token_hash=_hash(raw)).first()

    def export_data(self) -> dict:
        return {
            "subscription_active": bool(self.token_hash),
            "neutral_titles": self.neutral_titles,
            "created_at": self.created_at.isoformat(),
        }
