"""The private safety check and gentle mode: what they mean and what they change.

Nothing here is visible to the partner. A check that signals danger changes only this
person's own experience: Today leads with support, nudges towards the partner disappear,
and plan steps that are joint or would make them more exposed to their partner are replaced
by individual ones. A later check that no longer signals danger restores the usual Today.

Gentle mode is a private switch; while either partner has it on, shared surfaces leave out
tender content (``nearer/couples/shared.py``). Seasons that come with private roles turn it
on by default for that person, until they choose for themselves.
"""

from datetime import timedelta
from functools import cache
from importlib.resources import files as resources_files

from django.utils import timezone

from nearer import person
from nearer.core.safety import resources
from nearer.library.models import Item
from nearer.safety.models import GentleMode, SafetyCheck

OFFER_AGAIN_AFTER = timedelta(days=30)
DANGER_ANSWERS = {"yes", "sometimes"}
# Seasons in which shared questions start gentle for the person who named them.
GENTLE_SEASONS = {"after_betrayal", "recovery"}


def signals_danger(answers: dict) -> bool:
    return any(
        answers.get(q) in DANGER_ANSWERS for q in ("afraid", "control", "harm", "unsafe_home")
    )


def record(user, answers: dict) -> SafetyCheck:
    check = SafetyCheck(user=user, signals_danger=signals_danger(answers))
    check.answers = answers
    check.save()
    person.of(user).set("safety_check", check)  # the rest of this request sees the new check
    return check


def latest(user) -> SafetyCheck | None:
    return person.of(user).safety_check


def in_danger(user) -> bool:
    return person.of(user).in_danger


def due(user) -> bool:
    """Offer the check again quietly after a while; never to anyone else."""
    check = latest(user)
    return check is None or timezone.now() - check.answered_at > OFFER_AGAIN_AFTER


def vulnerable_items() -> frozenset[str]:
    """Library items that would expose a person to their partner (desires, trust work,
    a joint cycle map): not suggested to someone whose safety check signals danger."""
    return frozenset(Item.objects.current().tagged("vulnerable").values_list("key", flat=True))


def gentle(user) -> bool:
    """Whether this person has gentle mode on (private to them)."""
    return person.of(user).gentle


def gentle_any(people) -> bool:
    """Whether any of these people has gentle mode on: one query, and it says nobody's."""
    known = [person.of(p).known("gentle") for p in people]
    if any(known):
        return True
    unknown = [p for p, k in zip(people, known, strict=True) if k is None]
    return bool(unknown) and GentleMode.objects.filter(user__in=unknown, on=True).exists()


def set_gentle(user, on: bool) -> GentleMode:
    """The person's own choice; from now on no season default changes it."""
    mode, _created = GentleMode.objects.update_or_create(
        user=user, defaults={"on": on, "chosen": True, "changed_at": timezone.now()}
    )
    person.of(user).set("gentle", mode.on)
    return mode


def season_default(user, situations) -> None:
    """After a betrayal or in recovery, gentle mode is on unless the person chose otherwise;
    leaving those seasons lifts the default again."""
    mode = GentleMode.objects.owned_by(user).first()
    if mode is not None and mode.chosen:
        return
    wanted = bool(GENTLE_SEASONS & set(situations))
    if mode is None and not wanted:
        return
    if mode is None or mode.on != wanted:
        GentleMode.objects.update_or_create(
            user=user, defaults={"on": wanted, "changed_at": timezone.now()}
        )
    person.of(user).set("gentle", wanted)


@cache
def _zone_countries() -> dict[str, str]:
    """Time zone -> ISO country code, from the IANA zone table that ``tzdata`` ships."""
    try:
        table = resources_files("tzdata").joinpath("zoneinfo", "zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}  # no table: everyone sees the whole list
    countries = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, _coords, zone, *_rest = line.split("\t")
            countries[zone] = code
    return countries


def resources_for(user) -> list[dict]:
    """The configured hotlines for the person's country (read from their time zone), then
    those for everyone; the whole list when none is for their country."""
    everything = resources()
    country = _zone_countries().get(getattr(user, "time_zone", ""), "")
    local = [r for r in everything if r.get("code") == country]
    if not local:
        return everything
    return local + [r for r in everything if not r.get("code")]
