"""Each person's private intake, the plan they follow, and what they did with each step.

All of it is private to the person: the partner never sees another's intake, role,
progress or timing (nothing here is ``Authored``/shared).
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
    class Together(models.TextChoices):
        UNDER_2 = "lt2", _("Less than 2 years")
        UNDER_5 = "2-5", _("2 to 5 years")
        UNDER_15 = "5-15", _("5 to 15 years")
        OVER_15 = "15+", _("More than 15 years")

    class Living(models.TextChoices):
        TOGETHER = "together", _("We live together")
        APART = "apart", _("We live apart")

    class Children(models.TextChoices):
        NONE = "none", _("No children")
        EXPECTING = "expecting", _("Expecting")
        YOUNG = "young", _("Young children")
        OLDER = "older", _("Older children")
        PREFER_NOT = "", _("I'd rather not say")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake"
    )
    together = models.CharField(max_length=5, choices=Together.choices, blank=True)
    living = models.CharField(max_length=10, choices=Living.choices, blank=True)
    partner_time_zone = models.CharField(max_length=64, blank=True)
    children = models.CharField(max_length=10, choices=Children.choices, blank=True)
    # What the person lives through and their role in it ("I caused the hurt") are
    # encrypted like their words: read for this one person, never filtered on.
    situations_encrypted = models.BinaryField(default=b"")
    situations = encrypted("situations_encrypted", owner="user", kind=list)
    roles_encrypted = models.BinaryField(default=b"")
    roles = encrypted("roles_encrypted", owner="user", kind=dict)  # {situation: role}
    hopes_encrypted = models.BinaryField(null=True, blank=True)
    hopes = encrypted("hopes_encrypted", owner="user")
    minutes_per_day = models.PositiveSmallIntegerField(default=10)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Intake of {self.user}"

    def export_data(self) -> dict:
        return {
            "situations": self.situations,
            "roles": self.roles,
            "together": str(self.get_together_display()),
            "living": str(self.get_living_display()),
            "partner_time_zone": self.partner_time_zone,
            "children": str(self.get_children_display()),
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
