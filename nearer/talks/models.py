"""The 15-minute talk: a shared log of talks, each with an optional private note."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from nearer.encrypted import EncryptedText
from nearer.visibility import Authored


class Talk(Authored):
    """Shared between the partners; the card is the library question they used."""

    happened_at = models.DateTimeField(default=timezone.now)
    minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    feeling = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    card = models.ForeignKey(
        "library.Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-happened_at", "-id"]

    def __str__(self):
        return f"Talk {self.pk}"


class TalkNote(Authored, EncryptedText):
    """A private note to self about a talk: never shown to the partner."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="notes")

    def __str__(self):
        return f"Note on talk {self.talk_id}"
