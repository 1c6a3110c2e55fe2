"""Love notes (to the partner, now or scheduled) and appreciations (a jar of small thanks)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from nearer import registry
from nearer.encrypted import EncryptedText
from nearer.visibility import Authored, AuthoredQuerySet


class NoteQuerySet(AuthoredQuerySet):
    def inbox(self, user):
        """Delivered notes to ``user`` that the visibility rules let them see."""
        return self.visible_to(user).filter(recipient=user, delivered_at__isnull=False)

    def sent(self, user):
        return self.filter(author=user)

    def exportable_to(self, user):
        """For an export: notes the person wrote, and those delivered to them."""
        return self.sent(user) | self.inbox(user)

    def due(self):
        return self.filter(delivered_at__isnull=True, deliver_at__lte=timezone.now())


class Note(Authored, EncryptedText):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    deliver_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["-deliver_at", "-id"]

    def __str__(self):
        return f"Note {self.pk}"

    def export_data(self) -> dict:
        return {
            "text": self.text,
            "to": self.recipient.display_name,
            "delivery": self.deliver_at,
            "delivered": self.delivered_at,
            **registry.authored_data(self),
        }


class Appreciation(Authored, EncryptedText):
    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Appreciation {self.pk}"

    def export_data(self) -> dict:
        return {"text": self.text, **registry.authored_data(self)}
