"""Recovery together: day counters from a date the person chooses, and a log of support
group and counselling sessions. Labels, dates and notes are encrypted with the author's
key; each record is private unless its author shares it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer.encrypted import encrypted
from nearer.visibility import Authored


class Counter(Authored):
    label_encrypted = models.BinaryField(default=b"")
    label = encrypted("label_encrypted")
    # The chosen start date, ISO "YYYY-MM-DD": even the date is the person's own business.
    since_encrypted = models.BinaryField(default=b"")
    since_iso = encrypted("since_encrypted")

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Counter {self.pk}"

    def export_data(self) -> dict:
        return {
            "counter": self.label,
            "counting_since": self.since_iso,
            "shared_with_partner": self.visibility != "private",
        }


class SessionKind(models.TextChoices):
    GROUP = "group", _("Support group")
    COUNSELLING = "counselling", _("Counselling")
    TOGETHER = "together", _("Together, as a couple")
    OTHER = "other", _("Other support")


class Session(Authored):
    kind = models.CharField(max_length=12, choices=SessionKind.choices)
    day = models.DateField()
    note_encrypted = models.BinaryField(default=b"")
    note = encrypted("note_encrypted")

    class Meta:
        ordering = ["-day", "-id"]

    def __str__(self):
        return f"Session {self.pk}"

    def export_data(self) -> dict:
        return {
            "kind": str(SessionKind(self.kind).label),
            "day": self.day.isoformat(),
            "note": self.note,
            "shared_with_partner": self.visibility != "private",
        }
