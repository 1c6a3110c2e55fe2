"""The 15-minute talk: a shared log of talks, each with an optional private note."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from nearer import registry
from nearer.encrypted import EncryptedText, encrypted
from nearer.visibility import Authored


class Talk(Authored):
    """Shared between the partners; the card is the library question they used."""

    happened_at = models.DateTimeField(default=timezone.now)
    minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    # How it felt (1 to 5): the author's own, unless they choose to share it.
    feeling_encrypted = models.BinaryField(default=b"")
    feeling = encrypted("feeling_encrypted", kind=int)
    feeling_shared = models.BooleanField(default=False)
    card = models.ForeignKey(
        "library.Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-happened_at", "-id"]

    def __str__(self):
        return f"Talk {self.pk}"

    def feeling_for(self, user) -> int | None:
        """The feeling as ``user`` may see it: always their own, the partner's if shared."""
        return self.feeling if self.author_id == user.pk or self.feeling_shared else None

    def export_data(self, viewer=None) -> dict:
        data = {
            "when": self.happened_at,
            "minutes": self.minutes,
            "card": self.card.title if self.card else None,
            "feeling": self.feeling if viewer is None else self.feeling_for(viewer),
            "feeling_shared": self.feeling_shared,
            **registry.authored_data(self),
        }
        if data["feeling"] is None:
            del data["feeling"]
        return data


class TalkNote(Authored, EncryptedText):
    """A private note to self about a talk: never shown to the partner."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="notes")

    def __str__(self):
        return f"Note on talk {self.talk_id}"

    def export_data(self) -> dict:
        return {"talk_on": self.talk.happened_at, "note": self.text, **registry.authored_data(self)}
