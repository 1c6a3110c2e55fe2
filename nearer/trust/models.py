"""Rebuilding trust after a betrayal.

For the partner who hurt: an accountability statement (private until they share it) and
commitments whose keeping *they* record; the partner may add "I noticed". For the partner
who was hurt: a private feelings check-in. Nothing is recorded that the person did not
write themselves: no missed days, no tracking, no streaks.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nearer.encrypted import encrypted
from nearer.visibility import Authored, OwnedQuerySet


class Statement(Authored):
    FIELDS = ("what_i_did", "impact", "responsibility", "what_i_will_do")
    content_encrypted = models.BinaryField(default=b"")
    content = encrypted("content_encrypted", kind=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["author"], name="one_statement_each")]

    def __str__(self):
        return f"Statement {self.pk}"

    def export_data(self) -> dict:
        return {
            "updated_at": self.updated_at.isoformat(),
            "shared_with_partner": self.visibility != "private",
            **self.content,
        }


class Commitment(Authored):
    text_encrypted = models.BinaryField(default=b"")
    text = encrypted("text_encrypted")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Commitment {self.pk}"

    def export_data(self) -> dict:
        return {
            "made_at": self.created_at.isoformat(),
            "commitment": self.text,
            "shared_with_partner": self.visibility != "private",
        }


class KeptRecord(Authored):
    """ "I kept it today", written by the person who made the commitment."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="records")
    note_encrypted = models.BinaryField(default=b"")
    note = encrypted("note_encrypted")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Kept {self.pk}"

    def export_data(self) -> dict:
        return {
            "kept_at": self.created_at.isoformat(),
            "commitment": self.commitment.text,
            "note": self.note,
        }


class Noticed(Authored):
    """The partner's optional "I noticed" on a kept record (shared, no text)."""

    record = models.ForeignKey(KeptRecord, on_delete=models.CASCADE, related_name="noticed")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "author"], name="one_noticed_per_person")
        ]

    def __str__(self):
        return f"Noticed {self.pk}"

    def export_data(self) -> dict:
        return {
            "noticed_at": self.created_at.isoformat(),
            "commitment": self.record.commitment.text,
        }


class Feeling(models.TextChoices):
    RAW = "raw", _("Raw")
    ANGRY = "angry", _("Angry")
    NUMB = "numb", _("Numb")
    SAD = "sad", _("Sad")
    UNSURE = "unsure", _("Unsure")
    STEADIER = "steadier", _("A little steadier")
    HOPEFUL = "hopeful", _("Hopeful")


class FeelingsCheckIn(models.Model):
    """The hurt partner's private check-in: only they ever see it."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_encrypted = models.BinaryField(default=b"")
    content = encrypted("content_encrypted", kind=dict)  # {"feelings": [...], "note": str}
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Feelings check-in {self.pk}"

    def export_data(self) -> dict:
        return {"at": self.created_at.isoformat(), **self.content}
