"""What may shape a surface both partners see: the question of the day, talk cards, note
starters.

A shared surface is shaped only by what both partners chose to share with each other,
never by the overlap of private answers (otherwise ticking every situation would tell one
partner which ones the other chose):

- ``situations``: those *both* partners marked "we can see this together" at onboarding;
- ``lives``: the parts of life (parents, caregiving, …) both chose to have reflected;
- ``living_apart``: either partner said the two live apart (keeps "our home" items away);
- ``gentle``: either partner has gentle mode on (private; nobody is told who).

Someone on their own is their own space: all their own situations and lives shape it
(there is nobody to infer anything), still without items written for one role.
"""

import hashlib
import random
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from django.db import IntegrityError, transaction

from nearer import person
from nearer.couples.models import SharedDraw
from nearer.safety import services as safety


@dataclass(frozen=True)
class SharedContext:
    situations: frozenset[str]
    lives: frozenset[str]
    gentle: bool
    living_apart: bool


def shared_context(who) -> SharedContext:
    """The shared context of a ``nearer.person.Person`` (``context_for`` keeps it for the
    request)."""
    from nearer.plans.services import intakes_of  # plans imports couples; read intake lazily

    user, partner = who.user, who.partner
    if partner is None:
        facts = who.intake_facts
        return SharedContext(
            situations=frozenset(facts.situations if facts else ()),
            lives=frozenset(facts.lives if facts else ()),
            gentle=who.gentle,
            living_apart=bool(facts and facts.living_apart),
        )
    people = (user, partner)
    intakes_of(people)  # both in one query
    facts = [person.of(somebody).intake_facts for somebody in people]
    shared = [set(f.shared_situations) if f else set() for f in facts]
    lives = [set(f.lives) if f else set() for f in facts]
    return SharedContext(
        situations=frozenset(shared[0] & shared[1]),
        lives=frozenset(lives[0] & lives[1]),
        gentle=safety.gentle_any(people),
        living_apart=any(f is not None and f.living_apart for f in facts),
    )


def context_for(user) -> SharedContext:
    """What may shape the surfaces ``user`` shares with their partner, once per request."""
    return person.of(user).shared


def fits(item, ctx: SharedContext) -> bool:
    """Whether a library item may appear on a shared surface in this context."""
    return fits_tags(item.tags, ctx)


@lru_cache(maxsize=65536)  # every draw asks it of each item in the pool: hundreds a day
def fits_tags(tags: str, ctx: SharedContext) -> bool:
    """``fits`` for an item's tag string (" situation:all depth:light tender ")."""
    situations, lives = set(), set()
    for tag in tags.split():
        facet, _sep, value = tag.partition(":")
        if facet == "situation":
            situations.add(value)
        elif facet == "life":
            lives.add(value)
        elif facet == "role":
            return False  # a role is private to one partner
        elif tag == "tender" and ctx.gentle or tag == "shared_home" and ctx.living_apart:
            return False
    if situations and "all" not in situations and not (situations & ctx.situations):
        return False
    return not lives or bool(lives & ctx.lives)


NO_REPEAT_DAYS = 365


def _space_and_day(user, now=None):
    from nearer.questions.services import anchor, space_day  # the question's couple day

    space, anchor_person = anchor(user)
    return space, space_day(anchor_person, now)


def _choose(space, surface, day, pool, ctx, count, exclude) -> list[int]:
    fitting = sorted(pk for pk, tags in pool if fits_tags(tags, ctx) and pk not in exclude)
    last_shown = dict(
        SharedDraw.objects.filter(space=space, surface=surface, day__lt=day)
        .order_by("day")
        .values_list("item_id", "day")
    )
    since = day - timedelta(days=NO_REPEAT_DAYS)
    fresh = [pk for pk in fitting if not (pk in last_shown and last_shown[pk] > since)]
    digest = hashlib.sha256(f"{space}:{surface}:{day.isoformat()}:{len(exclude)}".encode())
    rng = random.Random(digest.digest())  # the same draw for both partners, that day
    chosen = rng.sample(fresh, min(count, len(fresh)))
    if len(chosen) < count:  # everything fitting was shown this year: the oldest first
        older = sorted(
            (pk for pk in fitting if pk not in chosen), key=lambda pk: last_shown.get(pk, day)
        )
        chosen += older[: count - len(chosen)]
    return chosen


def draw(user, surface: str, pool, count: int = 1, another: bool = False, now=None) -> list:
    """Today's ``count`` items of ``surface`` for this person's space, drawn from ``pool``
    (an Item queryset) so that they fit the shared context and none repeats within a year.
    ``another`` adds one more to today's draw (the "another card" link); the newest come
    last."""
    space, day = _space_and_day(user, now)
    rows = list(
        SharedDraw.objects.filter(space=space, surface=surface, day=day)
        .select_related("item")
        .order_by("drawn_at", "pk")
    )
    missing = count - len(rows) + (1 if another else 0)
    if missing > 0:
        shown = {row.item_id for row in rows}
        pool = list(pool.values_list("pk", "tags"))
        for pk in _choose(space, surface, day, pool, context_for(user), missing, shown):
            try:
                with transaction.atomic():
                    SharedDraw.objects.create(space=space, surface=surface, day=day, item_id=pk)
            except IntegrityError:  # the partner drew it in the same moment
                pass
        rows = list(
            SharedDraw.objects.filter(space=space, surface=surface, day=day)
            .select_related("item")
            .order_by("drawn_at", "pk")
        )
    return [row.item for row in rows][-max(count, 1) :]
