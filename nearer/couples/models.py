"""The couple space: two people linked, and the single-use links that invite the second."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class CoupleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class Couple(models.Model):
    """A shared space for at most two people.

    When either person leaves, the space ends for both: what each wrote stays with its
    author, and nobody new can ever join an ended space and read what was shared in it.
    """

    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = CoupleQuerySet.as_manager()

    def __str__(self):
        return f"Couple {self.pk}"


class Membership(models.Model):
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(left_at__isnull=True),
                name="one_active_couple_per_user",
            )
        ]

    def __str__(self):
        return f"{self.user} in {self.couple}"

    def export_data(self) -> dict:
        partners = [
            m.user.display_name
            for m in self.couple.memberships.select_related("user").exclude(user_id=self.user_id)
        ]
        return {
            "joined": self.joined_at,
            "left": self.left_at,
            "with": partners[0] if partners else None,
        }


class InviteQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invite(models.Model):
    """A single-use invitation link. The token is stored hashed for look-up and encrypted
    with the server key so that its creator can see the link again."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="invites")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    token_encrypted = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InviteQuerySet.as_manager()

    def __str__(self):
        return f"Invite {self.pk} to {self.couple}"

    def export_data(self) -> dict:
        # The link itself is left out: it is a credential, and useless once used or expired.
        return {
            "created": self.created_at,
            "expires": self.expires_at,
            "used": self.used_at,
            "revoked": self.revoked_at,
        }


class SharedDraw(models.Model):
    """An item a shared surface (talk card, note starters) showed a space on a day, so
    that a couple does not see it again within a year (see ``nearer/couples/shared.py``).

    Like the question of the day it belongs to the space ("c<couple id>" or "u<user id>"),
    not to a person, and holds nothing anyone wrote or chose.
    """

    space = models.CharField(max_length=30)
    surface = models.CharField(max_length=20)
    day = models.DateField()
    item = models.ForeignKey("library.Item", on_delete=models.CASCADE, related_name="+")
    drawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["space", "surface", "day", "item"], name="one_draw_per_item_a_day"
            )
        ]
        indexes = [models.Index(fields=["space", "surface", "-day"])]

    def __str__(self):
        return f"{self.space} {self.surface} {self.day}"
