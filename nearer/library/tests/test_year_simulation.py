"""A year of shared surfaces for every couple: no repeat within 365 days, nothing written
for someone else (issue 14).

Three surfaces are drawn for a couple's space each day: the question of the day
(``questions.question_for``), the 15-minute talk card (``talks.card``) and the note starter
(``notes.services.starters``). What may shape them is the couple's ``SharedContext``
(``couples.shared.context_for``): the situations both chose to share (any of the 64 subsets
of six), the lives both chose to have reflected (any of the 64 subsets of six), whether they
live apart and whether gentle mode is on: 64 × 64 × 2 × 2 = 16,384 combinations. Roles never
enter it (``fits`` keeps every role-tagged item off shared surfaces, and
``couples/tests/test_shared.py`` shows no private answer reaches the context).

Simulating 16,384 years day by day through the real code would take hours, so the proof
has two parts that together cover every combination, against the real content library:

1. **Every combination, exactly** (``test_every_combination_has_a_year_of_fitting_items``):
   the selection code reads the context only through ``fits_tags``, and ``fits_tags`` reads
   only an item's ``situation:``, ``life:``, ``role:``, ``tender`` and ``shared_home`` tags.
   Items are grouped by those tags and the real ``fits_tags`` is asked for each group and
   each of the 16,384 contexts, which gives each combination's exact pool per surface. Each
   pool must hold a year of draws (365 × the number drawn a day).
2. **The selection keeps its promise when the pool is big enough** (``test_a_year_day_by_day``):
   365 consecutive days with time_machine, through the real ``question_for``, ``talks.card``
   and ``notes.services.starters`` of a real couple (partners taking turns to open the page)
   or a person on their own, for the extreme combinations: nothing shared with gentle mode
   on and living apart (the smallest pool of every surface, because a pool only grows with
   more shared situations or lives and only shrinks with gentle mode or living apart),
   everything shared and nothing held back (the largest; for a person on their own, so the
   space of one is simulated too), and one in between (a couple after a betrayal, with its
   gentle default, and caregiving). Every day's item must fit, and no item may come twice
   in the year. Given a pool of at least a year, the
   choice behaves the same for every context: it draws from the fitting items not shown in
   the last 365 days, so 1 and 2 together cover all 16,384.

``test_the_simulation_catches_a_pool_too_small_for_a_year`` retires questions until the
smallest pool is 300 and shows both checks then fail (the fallback brings back the oldest
fitting question, never one written for someone else).
"""

import statistics
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from itertools import chain, combinations

import pytest
import time_machine
from django.conf import settings

from nearer import person as context
from nearer.couples.shared import SharedContext, context_for, fits, fits_tags
from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.library.schema import LIVES, SITUATIONS
from nearer.notes import services as notes
from nearer.plans import services as plans
from nearer.questions import services as questions
from nearer.questions.models import DailyQuestion
from nearer.safety import services as safety
from nearer.talks import services as talks

YEAR = 365
START = datetime(2026, 1, 5, 12, tzinfo=UTC)
FACETS = ("situation:", "life:", "role:")


def _subsets(values):
    return [frozenset(c) for c in chain.from_iterable(combinations(values, n) for n in range(7))]


def every_context():
    for situations in _subsets(SITUATIONS):
        for lives in _subsets(LIVES):
            for gentle in (False, True):
                for apart in (False, True):
                    yield SharedContext(situations, lives, gentle, apart)


def pools():
    """Each surface: (its item queryset, how many it draws a day)."""
    current = Item.objects.current()
    return {
        "question": (current.filter(kind="question"), 1),
        "talk card": (current.filter(kind="question").tagged("kids_and_chores_free"), 1),
        "note starter": (current.filter(kind="note"), notes.STARTERS_A_DAY),
    }


def signature(tags: str) -> str:
    """The only tags ``fits_tags`` reads; items with the same signature fit alike."""
    kept = [t for t in tags.split() if t.startswith(FACETS) or t in ("tender", "shared_home")]
    return " ".join(sorted(kept))


def pool_sizes(queryset) -> dict[SharedContext, int]:
    groups = Counter(signature(tags) for tags in queryset.values_list("tags", flat=True))
    return {
        ctx: sum(n for sig, n in groups.items() if fits_tags(sig, ctx)) for ctx in every_context()
    }


def describe(ctx: SharedContext) -> str:
    return (
        f"situations={sorted(ctx.situations) or '-'} lives={sorted(ctx.lives) or '-'}"
        f"{' gentle' if ctx.gentle else ''}{' apart' if ctx.living_apart else ''}"
    )


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker):
    """The real content library, loaded once for the module (and removed afterwards)."""
    with django_db_blocker.unblock():
        before = set(Item.objects.values_list("pk", flat=True))
        load_library(settings.NEARER_CONTENT_DIR)
        yield
        Item.objects.exclude(pk__in=before).delete()


def test_every_combination_has_a_year_of_fitting_items(library, db):
    contexts = list(every_context())
    assert len(contexts) == 64 * 64 * 2 * 2
    report = []
    for surface, (queryset, per_day) in pools().items():
        sizes = pool_sizes(queryset)
        assert len(sizes) == len(contexts)
        short = {describe(c): n for c, n in sizes.items() if n < YEAR * per_day}
        assert short == {}, f"{surface}: pools too small for a year of {per_day} a day"
        values = sorted(sizes.values())
        smallest = sorted(sizes, key=sizes.get)[:3]
        report.append(
            f"{surface} ({per_day} a day): min {values[0]}, median "
            f"{statistics.median(values):g}, max {values[-1]}; smallest: "
            + "; ".join(f"{describe(c)} {sizes[c]}" for c in smallest)
        )
        # The smallest pool is the one the day-by-day test simulates.
        assert sizes[SharedContext(frozenset(), frozenset(), True, True)] == values[0]
    print("\n" + "\n".join(report))


def _forget(*people):
    context.forget(*people)


def _share(people, ctx: SharedContext):
    """Give each person an intake that shares exactly ``ctx`` (as the product stores it)."""
    for n, person in enumerate(people):
        plans.save_intake(
            person,
            {
                "situations": sorted(ctx.situations),
                "shared_situations": sorted(ctx.situations),
                "lives": sorted(ctx.lives),
                "living_apart": ctx.living_apart and n == 0,  # one of them says so is enough
            },
            {},
        )
        safety.set_gentle(person, ctx.gentle and n == len(people) - 1)  # either is enough
    _forget(*people)


EXTREMES = {
    "the smallest pools: a couple sharing nothing, gentle, apart": (
        True,
        SharedContext(frozenset(), frozenset(), True, True),
    ),
    "the largest pools: on their own, every situation and life": (
        False,
        SharedContext(frozenset(SITUATIONS), frozenset(LIVES), False, False),
    ),
    "a couple after a betrayal (gentle by default), caregiving": (
        True,
        SharedContext(frozenset({"after_betrayal"}), frozenset({"caregiving"}), True, False),
    ),
}


@pytest.mark.parametrize("name", EXTREMES)
def test_a_year_day_by_day(library, cast, name):
    linked, ctx = EXTREMES[name]
    people = (cast.a, cast.b) if linked else (cast.solo,)
    _share(people, ctx)
    for person in people:
        assert context_for(person) == ctx
    seen = {"question": [], "talk card": [], "note starter": []}
    for day in range(YEAR):
        person = people[day % len(people)]  # partners take turns to open the day
        with time_machine.travel(START + timedelta(days=day), tick=False):
            seen["question"].append(questions.question_for(person).item)
            seen["talk card"].append(talks.card(person))
            seen["note starter"] += notes.starters(person)
    for surface, (_queryset, per_day) in pools().items():
        items = seen[surface]
        assert len(items) == YEAR * per_day, surface
        written_for_others = [i.key for i in items if not fits(i, ctx)]
        assert written_for_others == [], surface
        repeated = [key for key, n in Counter(i.key for i in items).items() if n > 1]
        assert repeated == [], f"{surface} repeated within the year"


def test_the_simulation_catches_a_pool_too_small_for_a_year(library, db):
    """Both checks can fail: with 300 fitting questions the eligibility count is short, and
    a year through the real choice repeats, still never with a question for someone else."""
    ctx = SharedContext(frozenset(), frozenset(), True, True)
    fitting = sorted(
        pk
        for pk, tags in Item.objects.current().filter(kind="question").values_list("pk", "tags")
        if fits_tags(tags, ctx)
    )
    Item.objects.filter(pk__in=fitting[300:]).update(retired_at=START)
    assert pool_sizes(Item.objects.current().filter(kind="question"))[ctx] == 300
    day0 = date(2026, 1, 5)
    for day in range(YEAR):
        item = questions.choose("c-short", day0 + timedelta(days=day), ctx)
        DailyQuestion.objects.create(space="c-short", day=day0 + timedelta(days=day), item=item)
    asked = list(DailyQuestion.objects.filter(space="c-short").select_related("item"))
    assert all(fits(q.item, ctx) for q in asked)
    assert len({q.item_id for q in asked}) == 300  # 65 repeats: what the year test catches
