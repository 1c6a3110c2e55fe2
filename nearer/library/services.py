"""The library's front door: what fits the person's season first, then ways to browse."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.http import urlencode

from nearer.library import labels
from nearer.library.models import Item, Kind
from nearer.plans.services import situations_of, tried_items

# What a shelf holds for a season: a couple of each, things to do before things to read.
SHELF = (("exercise", 2), ("date", 2), ("question", 1), ("prompt", 1))


@dataclass
class Shelf:
    label: str
    items: list
    url: str


def front_door(user) -> list[Shelf]:
    """One shelf per season the person chose in their private intake (none when anonymous
    or before the intake): items written for that season, not those for every couple,
    leaving out what they have already done in their plan."""
    shelves = []
    situations = situations_of(user)
    tried = tried_items(user) if situations else set()
    for situation in situations:
        if situation not in labels.SITUATION:
            continue
        written_for = Item.objects.current().tagged(f"situation:{situation}").exclude(key__in=tried)
        items = []
        for kind, count in SHELF:
            items += list(written_for.filter(kind=kind).order_by("key")[:count])
        if items:
            url = "?" + urlencode({"situation": situation})
            shelves.append(Shelf(str(labels.SITUATION[situation]), items, url))
    return shelves


def kinds_with_counts() -> list[tuple[str, str, int]]:
    """(kind, human label, how many) for browsing by kind, in one query."""
    counts = dict(Item.objects.current().values_list("kind").annotate(n=Count("id")).order_by())
    return [(kind, label, counts[kind]) for kind, label in Kind.choices if counts.get(kind)]


def gentle_pair(item) -> dict:
    """For a high-energy date, its gentler version; for a gentle version, the original."""
    current = Item.objects.current()
    original_key = (item.data or {}).get("gentle_version_of")
    return {
        "gentler": current.tagged(f"gentle_of:{item.key}").first() if item.kind == "date" else None,
        "original": current.filter(key=original_key).first() if original_key else None,
    }
