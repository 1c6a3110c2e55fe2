"""What a person answered on the CSI-4, and what they chose to share of their own trend.

Both are owner-only: the answers are encrypted with the person's key and nobody else sees
them, their timing or their number unless the person shares their own trend.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from nearer.encrypted import encrypted
from nearer.progress.measure import csi4
from nearer.visibility import OwnedQuerySet


class Csi4Result(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField(default=timezone.now)
    answers_encrypted = models.BinaryField(default=b"")
    answers = encrypted("answers_encrypted", owner="user", kind=dict)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-taken_at", "-id"]

    def __str__(self):
        return f"CSI-4 result {self.pk}"

    @property
    def score(self) -> int:
        return csi4().score(self.answers)

    def export_data(self) -> dict:
        scale = csi4()
        answers = self.answers
        return {
            "taken_at": self.taken_at.isoformat(),
            "score": self.score,
            "out_of": scale.max_score,
            "answers": {
                item.text: item.options[answers[item.key]]
                for item in scale.items
                if item.key in answers
            },
        }


class Sharing(models.Model):
    """What a person shares of their own progress with their partner (nothing by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    share_csi_trend = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Progress sharing {self.pk}"

    def export_data(self) -> dict:
        return {"share_csi_trend": self.share_csi_trend, "updated_at": self.updated_at.isoformat()}
