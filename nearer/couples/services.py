"""Everything that changes a couple space: start, invite, join, leave.

Views and API routes call these functions and show their errors; they hold no rules of
their own. Leaving is unilateral and immediate, and tells nobody.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nearer import person
from nearer.couples.models import Couple, Invite, Membership
from nearer.crypto import server_fernet


class CoupleError(Exception):
    """A rule stopped the change. ``code`` is stable for the API; the message is for people."""

    STATUS = {"unknown": 404, "revoked": 410, "used": 410, "expired": 410, "full": 410}

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def status(self) -> int:
        return self.STATUS.get(self.code, 409)


@dataclass(frozen=True)
class CoupleState:
    couple: Couple | None
    partner: object | None  # the other member, or None while solo

    @property
    def is_linked(self) -> bool:
        return self.partner is not None


def load_state(user) -> CoupleState:
    """The person's current couple space and partner, in one query (``state_of`` keeps it
    for the request)."""
    memberships = list(
        Membership.objects.filter(
            couple__memberships__user=user,
            couple__memberships__left_at__isnull=True,
            couple__ended_at__isnull=True,
            left_at__isnull=True,
        ).select_related("couple", "user")
    )
    couple = memberships[0].couple if memberships else None
    partner = next((m.user for m in memberships if m.user_id != user.pk), None)
    return CoupleState(couple=couple, partner=partner)


def state_of(user) -> CoupleState:
    """The person's current couple space and partner, read once per request."""
    return person.of(user).couple_state


def forget_state(*users) -> None:
    """After joining or leaving: the next question in this request reads the space again."""
    person.forget(*users, names=("couple_state",))


def start_couple(user) -> Couple:
    if state_of(user).couple is not None:
        return state_of(user).couple
    with transaction.atomic():
        couple = Couple.objects.create()
        try:
            Membership.objects.create(couple=couple, user=user)
        except IntegrityError:
            raise CoupleError("already_linked", _("You are already in a couple space.")) from None
    forget_state(user)
    return couple


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def invite_url(raw_token: str) -> str:
    return settings.SITE_URL + reverse("couples:join", args=[raw_token])


def invite_token(invite: Invite) -> str:
    return server_fernet().decrypt(bytes(invite.token_encrypted)).decode()


def pending_invite(user) -> Invite | None:
    couple = state_of(user).couple
    if couple is None:
        return None
    return couple.invites.pending().order_by("-created_at").first()


def create_invite(user) -> tuple[Invite, str]:
    """A fresh single-use link; any earlier pending link of this space stops working."""
    state = state_of(user)
    if state.is_linked:
        raise CoupleError("already_linked", _("Your couple space already has two people."))
    couple = state.couple or start_couple(user)
    raw = secrets.token_urlsafe(24)
    now = timezone.now()
    with transaction.atomic():
        couple.invites.pending().update(revoked_at=now)
        invite = Invite.objects.create(
            couple=couple,
            created_by=user,
            token_hash=_hash(raw),
            token_encrypted=server_fernet().encrypt(raw.encode()),
            created_at=now,
            expires_at=now + timedelta(days=settings.NEARER_INVITE_DAYS),
        )
    return invite, raw


def revoke_invite(user) -> bool:
    couple = state_of(user).couple
    if couple is None:
        return False
    return couple.invites.pending().update(revoked_at=timezone.now()) > 0


def check_invite(raw_token: str, user=None) -> Invite:
    """The invite behind ``raw_token`` if ``user`` (or anyone, when None) may accept it."""
    invite = (
        Invite.objects.select_related("couple", "created_by")
        .filter(token_hash=_hash(raw_token))
        .first()
    )
    if invite is None:
        raise CoupleError(
            "unknown", _("This invitation link is not valid. Please ask for a new one.")
        )
    if invite.revoked_at:
        raise CoupleError(
            "revoked", _("This invitation link was withdrawn. Please ask for a new one.")
        )
    if invite.used_at:
        raise CoupleError(
            "used", _("This invitation link has already been used. Each link works once.")
        )
    if invite.expires_at <= timezone.now():
        raise CoupleError(
            "expired", _("This invitation link has expired. Please ask for a new one.")
        )
    if (
        invite.couple.ended_at
        or invite.couple.memberships.filter(left_at__isnull=True).count() >= 2
    ):
        raise CoupleError("full", _("This couple space is no longer open to join."))
    if user is not None and user.is_authenticated:
        if invite.created_by_id == user.pk:
            raise CoupleError(
                "own_invite",
                _("This is your own invitation link. Send it to your partner to open."),
            )
        if state_of(user).is_linked:
            raise CoupleError(
                "already_linked",
                _("You are already linked with a partner. Leave that space first to join another."),
            )
    return invite


def accept_invite(user, raw_token: str) -> Couple:
    from nearer.couples.tasks import tell_inviter_partner_joined

    with transaction.atomic():
        invite = check_invite(raw_token, user)
        # Re-read under a lock so two people racing for one link cannot both get in.
        couple = Couple.objects.select_for_update().get(pk=invite.couple_id)
        if couple.memberships.filter(left_at__isnull=True).count() >= 2:
            raise CoupleError("full", _("This couple space is no longer open to join."))
        now = timezone.now()
        claimed = Invite.objects.filter(pk=invite.pk, used_at__isnull=True).update(
            used_at=now, used_by=user
        )
        if not claimed:
            raise CoupleError(
                "used", _("This invitation link has already been used. Each link works once.")
            )
        # A solo space the joiner started (no partner yet) is closed: they move to this one.
        old = state_of(user).couple
        if old is not None:
            _end(old, now)
        try:
            Membership.objects.create(couple=couple, user=user, joined_at=now)
        except IntegrityError:
            raise CoupleError("already_linked", _("You are already in a couple space.")) from None
        couple.invites.pending().update(revoked_at=now)
        transaction.on_commit(
            lambda: tell_inviter_partner_joined.enqueue(invite.created_by_id, user.pk)
        )
    forget_state(user, invite.created_by)
    return couple


def _end(couple: Couple, now) -> None:
    couple.memberships.filter(left_at__isnull=True).update(left_at=now)
    couple.invites.pending().update(revoked_at=now)
    Couple.objects.filter(pk=couple.pk).update(ended_at=now)


def leave_couple(user) -> bool:
    """End the space for both at once. Nobody is asked and nobody is notified."""
    state = state_of(user)
    if state.couple is None:
        return False
    with transaction.atomic():
        _end(state.couple, timezone.now())
    forget_state(user)
    if state.partner is not None:
        forget_state(state.partner)
    return True


__all__ = [
    "CoupleError",
    "CoupleState",
    "accept_invite",
    "check_invite",
    "create_invite",
    "invite_token",
    "invite_url",
    "leave_couple",
    "pending_invite",
    "revoke_invite",
    "start_couple",
    "state_of",
]
