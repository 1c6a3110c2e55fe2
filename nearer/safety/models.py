"""The private safety check. Its answers are encrypted with the person's own key and are
never shown, counted or hinted at to anyone else."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from nearer.encrypted import encrypted
from nearer.visibility import OwnedQuerySet


class SafetyCheckQuerySet(OwnedQuerySet):
    def latest_for(self, user):
        return self.filter(user=user).order_by("-answered_at", "-pk").first()


class SafetyCheck(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answers_encrypted = models.BinaryField()
    answers = encrypted("answers_encrypted", owner="user", kind=dict)
    # Kept so that suggestions can change at once; read (and decrypted) for this person only.
    signals_danger_encrypted = models.BinaryField(default=b"")
    signals_danger = encrypted("signals_danger_encrypted", owner="user", kind=bool)
    answered_at = models.DateTimeField(default=timezone.now)

    objects = SafetyCheckQuerySet.as_manager()

    def __str__(self):
        return f"Safety check {self.pk}"

    def export_data(self) -> dict:
        return {
            "answered": self.answered_at,
            "answers": self.answers,
            "suggested_individual_support": self.signals_danger,
        }


class GentleMode(models.Model):
    """A private switch: "keep our shared questions gentle for now". No reason is asked.

    While either partner has it on, shared surfaces (question of the day, talk cards, note
    starters) leave out everything tagged tender. Nothing tells the partner who turned it on,
    or that it is on. ``chosen`` records that the person set it themselves, so a season's
    default (after a betrayal, recovery) never overrides their own choice.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    on = models.BooleanField(default=False)
    chosen = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Gentle mode {self.pk}"

    def export_data(self) -> dict:
        return {
            "gentle_mode": self.on,
            "set_by_you": self.chosen,
            "changed_at": self.changed_at.isoformat(),
        }
