"""The private journal: entries written freely or from a library prompt or exercise.

Text and tags are encrypted with the author's key; there is no plain-text column to search
or filter by, so search decrypts the person's own entries in the request (``services``).
An entry is private until its author shares it with their partner, and can be unshared.
"""

from django.db import models

from nearer.encrypted import encrypted
from nearer.visibility import Authored


class Entry(Authored):
    text_encrypted = models.BinaryField(default=b"")
    text = encrypted("text_encrypted")
    tags_encrypted = models.BinaryField(default=b"")
    tags = encrypted("tags_encrypted", kind=list)
    # The prompt or exercise it was written from, if any (library items are never deleted).
    item = models.ForeignKey(
        "library.Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "entries"

    def __str__(self):
        return f"Journal entry {self.pk}"

    def export_data(self) -> dict:
        return {
            "written_at": self.created_at.isoformat(),
            "text": self.text,
            "tags": self.tags,
            "from_library": self.item.title if self.item_id else "",
            "shared_with_partner": self.visibility != "private",
        }
