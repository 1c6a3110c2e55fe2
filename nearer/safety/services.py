"""The private safety check: when to offer it, what its answers mean, what changes.

Nothing here is visible to the partner. A check that signals danger changes only this
person's own experience: the safety page is offered, and plan steps that would make them
more exposed to their partner are replaced by their solo alternatives.
"""

from datetime import timedelta

from django.utils import timezone

from nearer.library.models import Item
from nearer.safety.models import SafetyCheck

OFFER_AGAIN_AFTER = timedelta(days=30)
DANGER_ANSWERS = {"yes", "sometimes"}


def signals_danger(answers: dict) -> bool:
    return any(
        answers.get(q) in DANGER_ANSWERS for q in ("afraid", "control", "harm", "unsafe_home")
    )


def record(user, answers: dict) -> SafetyCheck:
    check = SafetyCheck(user=user, signals_danger=signals_danger(answers))
    check.answers = answers
    check.save()
    user._nearer_safety = check  # what latest() caches for this user is now this check
    return check


def latest(user) -> SafetyCheck | None:
    cached = getattr(user, "_nearer_safety", False)
    if cached is False:
        cached = SafetyCheck.objects.latest_for(user)
        user._nearer_safety = cached
    return cached


def in_danger(user) -> bool:
    check = latest(user)
    return bool(check and check.signals_danger)


def due(user) -> bool:
    """Offer the check again quietly after a while; never to anyone else."""
    check = latest(user)
    return check is None or timezone.now() - check.answered_at > OFFER_AGAIN_AFTER


def vulnerable_items() -> frozenset[str]:
    """Library items that would expose a person to their partner (desires, trust work,
    a joint cycle map): not suggested to someone whose safety check signals danger."""
    return frozenset(Item.objects.current().tagged("vulnerable").values_list("key", flat=True))
