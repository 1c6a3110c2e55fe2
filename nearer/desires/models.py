"""Each person's private yes / maybe / no on the list of ways to be close.

An answer is owner-only: nobody else ever reads it, in any form. The only thing derived
from it is the overlap (``services.together``): items *both* partners marked yes or maybe.
The choice itself is encrypted with its author's key.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nearer.encrypted import encrypted
from nearer.visibility import OwnedQuerySet


class Choice(models.TextChoices):
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class Answer(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("library.Item", on_delete=models.CASCADE, related_name="+")
    choice_encrypted = models.BinaryField(default=b"")
    choice = encrypted("choice_encrypted")
    updated_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "item"], name="one_answer_per_desire")
        ]

    def __str__(self):
        return f"Desire answer {self.pk}"

    def export_data(self) -> dict:
        return {
            "way_to_be_close": self.item.title,
            "my_answer": str(Choice(self.choice).label),
            "updated_at": self.updated_at.isoformat(),
        }
