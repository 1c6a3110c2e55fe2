"""Our disconnect cycle: private episodes, each person's map, and the joint view.

An episode is always private (what happened, what I felt, what I did, what I saw my
partner do, what I needed underneath). A map is the person's summary in their own words;
they may share it, and when both partners have shared theirs the two see "our cycle".
Everything written is encrypted with the author's key.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer.encrypted import encrypted
from nearer.visibility import Authored


class Move(models.TextChoices):
    """The outward move in a hard moment, as EFT describes it (never a verdict on a person)."""

    REACH = "reach", _("I reached for them harder (pressed, asked, followed, criticised)")
    WITHDRAW = "withdraw", _("I pulled away (went quiet, left the room, shut down)")
    ATTACK = "attack", _("I hit back (blamed, raised my voice)")
    OTHER = "other", _("Something else, or I am not sure")


class Episode(Authored):
    # {"happened", "felt", "did", "saw", "needed", "trigger"} (text) and
    # {"my_move", "their_move"} (Move values); feelings/needs: the person's own words.
    content_encrypted = models.BinaryField(default=b"")
    content = encrypted("content_encrypted", kind=dict)
    words_encrypted = models.BinaryField(default=b"")
    words = encrypted("words_encrypted", kind=dict)  # {"feelings": [...], "needs": [...]}

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Episode {self.pk}"

    def export_data(self) -> dict:
        return {"written_at": self.created_at.isoformat(), **self.content, **self.words}


class CycleMap(Authored):
    """One per person: trigger → feeling → reaction → partner's reaction → need."""

    FIELDS = ("trigger", "feeling", "reaction", "partner_reaction", "need")
    content_encrypted = models.BinaryField(default=b"")
    content = encrypted("content_encrypted", kind=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["author"], name="one_cycle_map_each")]

    def __str__(self):
        return f"Cycle map {self.pk}"

    def export_data(self) -> dict:
        return {
            "updated_at": self.updated_at.isoformat(),
            "shared_with_partner": self.visibility != "private",
            **self.content,
        }
