"""The deeper-work list pages run the same number of queries however much is on them."""

from datetime import date

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.library.loader import load_library

pytestmark = pytest.mark.django_db


def add_journal(cast, n):
    from nearer.journal import services

    for i in range(n):
        services.share(cast.b, services.write(cast.b, f"b {i}", ["t"]))
        services.write(cast.a, f"a {i}", ["t"])


def add_cycle(cast, n):
    from nearer.cycle.services import log_episode

    for i in range(n):
        log_episode(cast.a, {"happened": f"x {i}", "feelings": "alone", "my_move": "reach"})


def add_desires(cast, n):
    from nearer.desires import services

    for item in services.the_list()[: n * 2]:
        services.answer(cast.a, item.key, "yes")
        services.answer(cast.b, item.key, "maybe")


def add_trust(cast, n):
    from nearer.trust import services

    for i in range(n):
        mine = services.make_commitment(cast.a, f"a {i}", share=True)
        theirs = services.make_commitment(cast.b, f"b {i}", share=True)
        services.record_kept(cast.a, mine, "kept")
        services.toggle_noticed(cast.a, services.record_kept(cast.b, theirs, "kept"))


def add_recovery(cast, n):
    from nearer.recovery import services

    for i in range(n):
        services.start_counter(cast.b, f"b {i}", date(2026, 1, 1), share=True)
        services.log_session(cast.b, "group", date(2026, 1, 1), "note", share=True)


def add_dreams(cast, n):
    from nearer.dreams import services

    for i in range(n):
        dream = services.add_dream(cast.b, f"dream {i}")
        services.toggle_hold(cast.a, dream)
        goal = services.add_goal(cast.b, "together", f"goal {i}", None, True)
        services.add_step(cast.b, goal, "step", None)


PAGES = {
    "journal:index": add_journal,
    "cycle:index": add_cycle,
    "desires:index": add_desires,
    "desires:together": add_desires,
    "trust:index": add_trust,
    "recovery:index": add_recovery,
    "recovery:sessions": add_recovery,
    "dreams:board": add_dreams,
    "dreams:goals": add_dreams,
}


@pytest.mark.parametrize("name", PAGES)
def test_query_count_stays_flat_as_data_doubles(name, cast, client_for):
    load_library(settings.NEARER_CONTENT_DIR)
    client = client_for(cast.a)
    url = reverse(name)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    PAGES[name](cast, 3)
    client.get(url)  # warm caches (sessions, content)
    before = count()
    PAGES[name](cast, 3)
    assert count() == before
