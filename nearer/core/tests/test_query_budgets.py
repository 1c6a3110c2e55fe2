"""Query budgets: every main page and list route, with a year of data, in a fixed number of
SQL queries that does not grow when the data doubles.

Two couples are seeded (``nearer.core.scale``): one with half a year of activity, one with a
whole year. Each route is asked by a person of each couple; both must make the same number of
queries, within the route's budget. A list that loads rows one by one (N+1) or an unbounded
list shows up here as a count that differs between the two couples.
"""

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer.accounts.models import User
from nearer.core import scale
from nearer.library.loader import load_library

pytestmark = pytest.mark.django_db

# route: the SQL queries it makes today (session and user included). A change that adds one
# to a route updates its number here, on purpose.
BUDGETS = {
    "/today/": 13,
    "/question/": 6,
    "/question/history/": 5,
    "/notes/": 6,
    "/appreciations/": 4,
    "/timeline/": 6,
    "/plan/": 8,
    "/library/?q=listen": 6,  # on SQLite two read the matches' scores from the index (PG: 4)
    "/couple/": 4,
    "/check-in/": 4,
    "/state-of-us/": 5,
    "/talk/": 6,
    # The seed writes no journal, dates, sessions, moments, dreams or commitments: these
    # budgets (and their API routes' below) are for empty lists; tests/test_bounded_lists.py
    # checks that full ones stay flat.
    "/journal/": 5,
    "/dates/": 6,
    "/recovery/sessions/": 4,
    "/cycle/": 6,
    "/dreams/": 4,
    "/trust/": 7,
    "/settings/": 4,
    "/api/v1/today": 8,
    "/api/v1/question": 6,
    "/api/v1/question/history": 5,
    "/api/v1/notes": 5,
    "/api/v1/appreciations": 5,
    "/api/v1/timeline": 5,
    "/api/v1/checkins": 5,
    "/api/v1/state-of-us": 5,
    "/api/v1/talks": 6,  # paginated: a COUNT for "count"
    "/api/v1/journal": 4,
    "/api/v1/journal/shared": 5,
    "/api/v1/dates": 5,
    "/api/v1/recovery/sessions": 5,
    "/api/v1/cycle/episodes": 4,
    "/api/v1/dreams": 5,
    "/api/v1/goals": 5,
    "/api/v1/trust/commitments": 5,
    "/api/v1/plan": 3,
    "/api/v1/couple": 3,
    "/api/v1/me": 2,
}


@pytest.fixture
def two_couples():
    # At a fixed hour: the seeded people live in different time zones, and between midnight
    # and 04:00 UTC one person's question day had both answers (no query for "has my
    # partner answered?") while the other's had none yet, a difference of state, not size.
    with time_machine.travel("2026-11-27 12:00 +0000", tick=True):
        yield _seeded()


def _seeded():
    load_library(settings.NEARER_CONTENT_DIR)
    scale.seed(1, start=0, days=182)
    scale.seed(1, start=1, days=365, seed_value=2)
    return [User.objects.get(email=f"scale-{n}-a@example.test") for n in (0, 1)]


def _count(client, url):
    client.get(url)  # the first visit may create today's question: not what is measured
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def test_query_counts_are_within_budget_and_do_not_grow_with_the_data(two_couples, client):
    counts = {}
    for person in two_couples:
        client.force_login(person)
        counts[person.email] = {url: _count(client, url) for url in BUDGETS}
    half, whole = counts.values()
    grew = {url: (half[url], whole[url]) for url in BUDGETS if half[url] != whole[url]}
    assert not grew, f"query counts grew with the data: {grew}"
    over = {url: (whole[url], budget) for url, budget in BUDGETS.items() if whole[url] > budget}
    assert not over, f"over budget (count, budget): {over}"
