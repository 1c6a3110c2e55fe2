"""Each person's intake, the plan they follow, and what they did with each step.

All of it is owner-only: the partner never sees another's intake, role, progress or timing
(nothing here is ``Authored``/shared). The intake's shared choices (situations marked "we
can see this together", lives, living apart) reach the partner only through what they
shape on shared surfaces (``nearer/couples/shared.py``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nearer import crypto


class Intake(models.Model):
    """What a person told us at onboarding.

    ``situations``, ``roles``, ``hopes`` and ``minutes_per_day`` are private: they shape
    only this person's own plan. ``shared_situations`` (the situations they marked "we can
    see this together"), ``lives`` and ``living_apart`` are what they chose to share: only
    these may shape a surface both partners see (see ``nearer/couples/shared.py``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake"
    )
    situations = models.JSONField(default=list)
    roles = models.JSONField(default=dict)  # {situation: role}; private to this person
    # A subset of ``situations`` the person chose to share with their partner.
    shared_situations = models.JSONField(default=list, blank=True)
    # Parts of their life (library ``lives``) the person is happy for shared surfaces to
    # reflect; shared by choice, like ``shared_situations``.
    lives = models.JSONField(default=list, blank=True)
    # "We live apart": brings the long-distance tools forward and keeps questions that
    # assume one home off shared surfaces.
    living_apart = models.BooleanField(default=False)
    hopes_encrypted = models.BinaryField(null=True, blank=True)
    minutes_per_day = models.PositiveSmallIntegerField(default=10)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Intake of {self.user}"

    @property
    def hopes(self) -> str:
        return crypto.decrypt(self.user, self.hopes_encrypted) if self.hopes_encrypted else ""

    @hopes.setter
    def hopes(self, text: str):
        self.hopes_encrypted = crypto.encrypt(self.user, text) if text else None

    def export_data(self) -> dict:
        return {
            "situations": list(self.situations),
            "roles": dict(self.roles),
            "shared_with_partner": list(self.shared_situations),
            "lives": list(self.lives),
            "living_apart": self.living_apart,
            "hopes": self.hopes,
            "minutes_per_day": self.minutes_per_day,
            "updated_at": self.updated_at.isoformat(),
        }


class Enrollment(models.Model):
    """A person following a (possibly combined) plan from ``started_on``, a date in their
    own time zone. Days move on with the calendar, done or not: nothing piles up."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    situations = models.JSONField()
    started_on = models.DateField()
    paused_on = models.DateField(null=True, blank=True)
    paused_days = models.PositiveIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(ended_at__isnull=True), name="one_plan_at_a_time"
            )
        ]

    def __str__(self):
        return f"{self.user} following {', '.join(self.situations)}"


class StepLog(models.Model):
    class Status(models.TextChoices):
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")
        LATER = "later", _("Another time")

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="logs")
    step = models.CharField(max_length=120)  # "<situation>:<key>"
    status = models.CharField(max_length=10, choices=Status.choices)
    day = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "step"], name="one_log_per_step")
        ]

    def __str__(self):
        return f"{self.step}: {self.status}"
