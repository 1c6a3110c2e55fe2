"""Writing, finding, sharing and unsharing journal entries, and the guided exercise page.

Search and tag filters work on encrypted text by decrypting only the person's own entries
in the request: nothing readable is ever stored to search by.
"""

import re
from dataclasses import dataclass

from django.db import transaction

from nearer.couples.services import state_of
from nearer.library.models import Item
from nearer.visibility import Visibility

from .models import Entry

MAX_TAGS = 12
# Search decrypts in the request, so it looks through at most this many recent entries.
SEARCH_WINDOW = 2000
TAG_LENGTH = 30


class CannotShare(Exception):
    """Sharing needs a partner in the couple space."""


def parse_tags(raw: str) -> list[str]:
    """ "grief, Work ,work" -> ["grief", "work"]: lower-case, unique, short, in order."""
    tags = []
    for part in re.split(r"[,\n]", raw or ""):
        tag = " ".join(part.split()).lower()[:TAG_LENGTH]
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:MAX_TAGS]


def library_item(key: str, *kinds: str) -> Item | None:
    if not key:
        return None
    return Item.objects.current().filter(key=key, kind__in=kinds).first()


def plan_step_title(ref: str) -> str:
    """The title of a plan step (``<situation>:<key>``), to write from; "" if unknown."""
    from nearer.plans.definitions import all_plans

    situation, _sep, key = ref.partition(":")
    plan = all_plans().get(situation)
    if plan is None:
        return ""
    for week in plan.weeks:
        for step in [*week.weekly, *(s for day in week.days for s in day.steps)]:
            if step.key == key:
                return step.title
    return ""


def write(user, text: str, tags: list[str] = (), item: Item | None = None) -> Entry:
    entry = Entry(item=item)
    entry.attach(user, Visibility.PRIVATE)
    entry.text = text.strip()
    entry.tags = parse_tags(",".join(tags))
    entry.save()
    return entry


def edit(entry: Entry, text: str, tags: list[str]) -> Entry:
    entry.text = text.strip()
    entry.tags = parse_tags(",".join(tags))
    entry.save()
    return entry


def share(user, entry: Entry) -> Entry:
    state = state_of(user)
    if not state.is_linked:
        raise CannotShare
    entry.visibility = Visibility.SHARED
    entry.couple = state.couple
    entry.save(update_fields=["visibility", "couple", "updated_at"])
    return entry


def unshare(entry: Entry) -> Entry:
    entry.visibility = Visibility.PRIVATE
    entry.couple = None
    entry.save(update_fields=["visibility", "couple", "updated_at"])
    return entry


@dataclass
class Found:
    entries: list
    tags: list  # every tag the person uses, for the filter


def search_own(user, query: str = "", tag: str = "") -> Found:
    """The person's own entries matching every word of ``query`` (case-insensitive, in the
    text, tags or prompt) and carrying ``tag``, newest first."""
    words = query.lower().split()
    tag = tag.strip().lower()
    found, all_tags = [], []
    for entry in own_entries(user)[:SEARCH_WINDOW]:
        tags = entry.tags
        all_tags.extend(t for t in tags if t not in all_tags)
        haystack = " ".join([entry.text, " ".join(tags), entry.item.title if entry.item else ""])
        haystack = haystack.lower()
        if tag and tag not in tags:
            continue
        if all(word in haystack for word in words):
            found.append(entry)
    return Found(found, sorted(all_tags))


def own_entries(user):
    """The person's own entries, newest first (a queryset: slice it for a page)."""
    return Entry.objects.authored_by(user).select_related("item", "author")


def shared_with_me(user):
    """What the partner shares with this person (their own shared entries are in their list)."""
    return Entry.objects.visible_to(user).exclude(author=user).select_related("author", "item")


@transaction.atomic
def finish_exercise(user, item: Item, text: str, step_ref: str = "") -> tuple[Entry | None, bool]:
    """Keep what the person wrote during an exercise (privately, in their journal) and, when
    they came from a plan step, mark that step done. Returns (entry, step_marked)."""
    from nearer.plans import services as plans

    entry = write(user, text, [], item) if text.strip() else None
    marked = False
    if step_ref:
        try:
            plans.mark(user, step_ref, "done")
            marked = True
        except plans.StepNotFound:
            marked = False  # the step is no longer today's; the writing is still kept
    return entry, marked
