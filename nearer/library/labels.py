"""Human words for the library's internal values, in one place: the search form, the item
page and the front door all show these, never ``virtual`` or ``many_years``."""

from django.utils.translation import gettext_lazy as _

SITUATION = {
    "new_parents": _("New parents"),
    "many_years": _("Many years together"),
    "after_betrayal": _("After a betrayal"),
    "long_distance": _("Long distance"),
    "recovery": _("Addiction recovery"),
    "general": _("Drifting apart"),
}
LIFE = {
    "parents": _("Raising children"),
    "caregiving": _("Illness, disability or caregiving"),
    "fertility_and_loss": _("Trying for a baby, or pregnancy loss"),
    "blended_family": _("A blended family"),
    "child_free": _("Child-free"),
    "later_life": _("Later life"),
}
SETTING = {
    "home": _("At home"),
    "out": _("Out together"),
    "virtual": _("Works at a distance"),
}
COST = {
    "free": _("Free"),
    "low": _("Costs a little"),
    "medium": _("Costs something"),
    "high": _("A treat that costs more"),
}
DEPTH = {
    "light": _("Light"),
    "meaningful": _("Meaningful"),
    "deep": _("Deep"),
}
ENERGY = {
    "low": _("Low energy, good for tired days"),
    "medium": _("Some energy"),
    "high": _("Needs energy"),
}
LENGTH = {
    "short": _("15 minutes or less"),
    "medium": _("Up to an hour"),
    "long": _("Longer"),
}
MODE = {"together": _("Together"), "solo": _("On your own")}


def facts(item) -> list[str]:
    """Short human facts about an item for its page: time, where, cost, depth, energy."""
    data = item.data or {}
    found = []
    if item.minutes:
        found.append(_("About %(minutes)s minutes") % {"minutes": item.minutes})
    for key, labels in (
        ("setting", SETTING),
        ("cost", COST),
        ("depth", DEPTH),
        ("energy", ENERGY),
        ("mode", MODE),
    ):
        if data.get(key) in labels:
            found.append(labels[data[key]])
    found += [SITUATION[s] for s in data.get("situations", []) if s in SITUATION]
    found += [LIFE[life] for life in data.get("lives", []) if life in LIFE]
    return [str(fact) for fact in found]


def brief_facts(item) -> list[str]:
    """The two or three facts that help choose from a list: time, where, cost."""
    data = item.data or {}
    found = []
    if item.minutes:
        found.append(_("%(minutes)s min") % {"minutes": item.minutes})
    for key, labels in (("setting", SETTING), ("cost", COST)):
        if data.get(key) in labels:
            found.append(labels[data[key]])
    return [str(fact) for fact in found]
