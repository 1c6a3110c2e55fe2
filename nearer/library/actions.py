"""Every step leads somewhere: the one thing a library item asks a person to do, and where.

``action_for(item)`` gives the label and URL of that place by the item's kind. Plan steps,
Today's cards and library pages all ask here, so a prompt always opens a journal entry, an
exercise its guided page, and so on. ``step`` (a plan step reference such as
``general:w1d2-solo``) lets the guided exercise mark that step done when finished.
A plan step that names no library item (a thing to do in the world: keep a small promise,
book a session) leads to a journal entry with the step as its prompt (``action_for_step``).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nearer.library.models import Kind


@dataclass(frozen=True)
class Action:
    label: str
    url: str


def _with(name: str, kwargs: dict | None = None, **query) -> str:
    url = reverse(name, kwargs=kwargs)
    query = {k: v for k, v in query.items() if v}
    return f"{url}?{urlencode(query)}" if query else url


def _date_idea(item) -> Action:
    return Action(_("Propose this date"), _with("dates:propose", idea=item.key))


def action_for(item, step: str = "") -> Action:
    kind = item.kind
    if kind == Kind.PROMPT:
        return Action(_("Write about this in my journal"), _with("journal:new", prompt=item.key))
    if kind == Kind.NOTE:
        return Action(_("Write a note with this"), _with("notes:index", starter=item.key))
    if kind == Kind.QUESTION:
        return Action(_("Talk about this for 15 minutes"), _with("talks:talk", card=item.key))
    if kind == Kind.EXERCISE:
        return Action(
            _("Do this exercise, step by step"),
            _with("journal:exercise", {"key": item.key}, **{"from": step}),
        )
    if kind == Kind.DATE:
        return _date_idea(item)
    if kind == Kind.DESIRE:
        return Action(_("Answer privately"), _with("desires:index"))
    return Action(_("Read more"), _with("library:detail", {"key": item.key}))


def action_for_step(step, ref: str, item=None) -> Action:
    """The action of a plan step: its library item's, or writing about the step itself."""
    if item is not None:
        return action_for(item, step=ref)
    return Action(_("Write about this in my journal"), _with("journal:new", step=ref))


# Exercises whose steps ask for a place in Nearer: the guided page and the library page
# offer that place beside the steps.
PLACES = {
    "e-mapping-our-cycle": ("cycle:map", _("Open my cycle map")),
    "e-accountability-conversation": ("trust:statement", _("Write my accountability statement")),
    "e-commitments-and-consistency": ("trust:index", _("Write down my commitments")),
    "e-living-amends": ("trust:index", _("Write down my commitments")),
    "e-sharing-desires-without-judgment": ("desires:index", _("Open the list of ways to be close")),
    "e-support-group-together": ("recovery:sessions", _("Log a session")),
    "e-celebrating-a-milestone": ("recovery:index", _("See my milestones")),
    "e-shared-dreams": ("dreams:board", _("Open our dreams board")),
    "e-our-story-timeline": ("timeline:index", _("Open our timeline")),
}


def place_for(item) -> Action | None:
    """The place in Nearer an exercise's steps ask for, if any."""
    if item.key not in PLACES:
        return None
    name, label = PLACES[item.key]
    return Action(label, reverse(name))
