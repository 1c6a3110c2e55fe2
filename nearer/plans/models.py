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
from nearer.encrypted import encrypted
from nearer.visibility import OwnedQuerySet


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
    # What the person lives through and their role in it ("I caused the hurt") are
    # encrypted like their words: read for this one person, never filtered on.
    situations_encrypted = models.BinaryField(default=b"")
    situations = encrypted("situations_encrypted", owner="user", kind=list)
    roles_encrypted = models.BinaryField(default=b"")
    roles = encrypted("roles_encrypted", owner="user", kind=dict)  # {situation: role}
    # A subset of ``situations`` the person chose to share with their partner. Shared by
    # choice, still about their life: encrypted like the rest and read per person.
    shared_situations_encrypted = models.BinaryField(default=b"")
    shared_situations = encrypted("shared_situations_encrypted", owner="user", kind=list)
    # Parts of their life (library ``lives``) the person is happy for shared surfaces to
    # reflect; shared by choice, like ``shared_situations``.
    lives_encrypted = models.BinaryField(default=b"")
    lives = encrypted("lives_encrypted", owner="user", kind=list)
    # "We live apart": brings the long-distance tools forward and keeps questions that
    # assume one home off shared surfaces.
    living_apart = models.BooleanField(default=False)
    hopes_encrypted = models.BinaryField(null=True, blank=True)
    hopes = encrypted("hopes_encrypted", owner="user")
    minutes_per_day = models.PositiveSmallIntegerField(default=10)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Intake of {self.user}"

    def export_data(self) -> dict:
        return {
            "situations": list(self.situations),
            "roles": dict(self.roles),
            "shared_with_partner": list(self.shared_situations),
            "lives": list(self.lives),
            "living_apart": self.living_apart,
            "hopes": self.hopes,
            "minutes_per_day": self.minutes_per_day,
            "updated": self.updated_at,
        }


class Enrollment(models.Model):
    """A person following a (possibly combined) plan from ``started_on``, a date in their
    own time zone. Days move on with the calendar, done or not: nothing piles up."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    # Which plans someone follows says what they live through, like the intake: encrypted.
    situations_encrypted = models.BinaryField(default=b"")
    situations = encrypted("situations_encrypted", owner="user", kind=list)
    started_on = models.DateField()
    paused_on = models.DateField(null=True, blank=True)
    paused_days = models.PositiveIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(ended_at__isnull=True), name="one_plan_at_a_time"
            )
        ]

    def __str__(self):
        return f"{self.user} following {', '.join(self.situations)}"

    def export_data(self) -> dict:
        return {
            "situations": self.situations,
            "started_on": self.started_on,
            "paused_on": self.paused_on,
            "ended": self.ended_at,
            "steps": [
                {"step": log.step, "what_you_did": str(log.get_status_display()),
                 "when": log.updated_at}
                for log in self.logs.order_by("updated_at")
            ],
        }  # fmt: skip


class StepLog(models.Model):
    class Status(models.TextChoices):
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")
        LATER = "later", _("Another time")

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="logs")
    # "<situation>:<key>", e.g. "after_betrayal:w1d1-hurt", names the situation and the role:
    # encrypted, and found again through a digest keyed with the person's data key.
    step_encrypted = models.BinaryField(default=b"")
    step = encrypted("step_encrypted", owner="enrollment.user")
    step_digest = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices)
    day = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "step_digest"], name="one_log_per_step")
        ]

    def __str__(self):
        return f"Step log {self.pk}: {self.status}"

    @staticmethod
    def digest(user, ref: str) -> str:
        return crypto.lookup_digest(crypto.key_for(user), "plans.step", ref)
