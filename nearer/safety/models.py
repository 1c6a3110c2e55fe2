"""The private safety check. Its answers are encrypted with the person's own key and are
never shown, counted or hinted at to anyone else."""

import json

from django.conf import settings
from django.db import models
from django.utils import timezone

from nearer import crypto


class SafetyCheckQuerySet(models.QuerySet):
    def latest_for(self, user):
        return self.filter(user=user).order_by("-answered_at").first()


class SafetyCheck(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answers_encrypted = models.BinaryField()
    # Kept so that suggestions can change at once; it is read only for this person.
    signals_danger = models.BooleanField()
    answered_at = models.DateTimeField(default=timezone.now)

    objects = SafetyCheckQuerySet.as_manager()

    def __str__(self):
        return f"Safety check {self.pk}"

    @property
    def answers(self) -> dict:
        return json.loads(crypto.decrypt(self.user, self.answers_encrypted))

    @answers.setter
    def answers(self, value: dict):
        self.answers_encrypted = crypto.encrypt(self.user, json.dumps(value))
