"""The CSI-4: when it may be offered, recording it, and sharing one's own trend.

It is offered at most once every :data:`MIN_INTERVAL` (a month), never more often, and it
is never required. Results are owner-only; a person may share their own trend with their
partner, and Nearer never sets one partner's numbers against the other's.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from nearer.couples.services import state_of
from nearer.progress.measure import InvalidAnswers, csi4
from nearer.progress.models import Csi4Result, Sharing

MIN_INTERVAL = timedelta(days=30)


class TooSoon(Exception):
    def __init__(self, next_at: datetime):
        super().__init__(next_at)
        self.next_at = next_at


def latest(user) -> Csi4Result | None:
    return Csi4Result.objects.owned_by(user).first()


def next_at(user) -> datetime | None:
    """When the CSI-4 may next be taken (None: now)."""
    last = latest(user)
    if last is None or timezone.now() - last.taken_at >= MIN_INTERVAL:
        return None
    return last.taken_at + MIN_INTERVAL


def record(user, answers: dict) -> Csi4Result:
    """Save a complete set of answers; raises InvalidAnswers or TooSoon."""
    scale = csi4()
    clean = {item.key: answers.get(item.key) for item in scale.items}
    scale.score(clean)  # raises InvalidAnswers before anything is saved
    clean = {key: int(value) for key, value in clean.items()}
    with transaction.atomic():
        # One at a time per person, so two quick submissions cannot both pass the check.
        get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
        when = next_at(user)
        if when is not None:
            raise TooSoon(when)
        result = Csi4Result(user=user)
        result.answers = clean
        result.save()
    return result


def results(user, since: datetime | None = None) -> list[tuple[datetime, int]]:
    """(taken_at, score) oldest first; one query, at most one row a month."""
    rows = Csi4Result.objects.owned_by(user)
    if since is not None:
        rows = rows.filter(taken_at__gte=since)
    found = []
    for row in rows:
        row.user = user  # the person's key is unwrapped once, and no query per row
        found.append((row.taken_at, row.score))
    return sorted(found)


def sharing(user) -> Sharing:
    found = Sharing.objects.owned_by(user).first()
    return found or Sharing(user=user)


def set_share_csi_trend(user, share: bool) -> Sharing:
    choice = sharing(user)
    choice.share_csi_trend = share
    choice.save()
    return choice


def partner_shares_csi_trend(user):
    """The partner, if they currently share their CSI-4 trend with ``user``; else None."""
    partner = state_of(user).partner
    if partner is None:
        return None
    shared = Sharing.objects.owned_by(partner).filter(share_csi_trend=True).exists()
    return partner if shared else None


__all__ = ["InvalidAnswers", "TooSoon", "latest", "next_at", "record", "results"]
