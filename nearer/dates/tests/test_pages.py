"""Pages of time together: query counts stay constant as data grows; skipping one time."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.dates import services
from nearer.dates.models import Series

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _add(cast, n):
    for i in range(n):
        p = services.propose(cast.a, [NOW + timedelta(days=i + 2)], title=f"Idea {i}")
        services.suggest_time(cast.b, p, NOW + timedelta(days=i + 3))
        q = services.propose(cast.b, [NOW + timedelta(days=i + 2, hours=2)], title=f"Plan {i}")
        services.accept(cast.a, q, q.times.first())
        services.add_series(
            cast.a, kind="together", title=f"S{i}", rule="FREQ=WEEKLY",
            starts_local=datetime(2026, 11, 3 + i, 19, 0),
        )  # fmt: skip
        services.add_free_time(cast.a, i % 7, time(8, 0), time(9, 0))
        services.add_free_time(cast.b, i % 7, time(8, 0), time(9, 0))


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    ["/dates/", "/calendar/?month=2026-11", "/calendar/?view=agenda", "/together/", "/distance/"],
)
def test_query_counts_stay_the_same_as_data_doubles(cast, client_for, url):
    with time_machine.travel(NOW, tick=False):
        client = client_for(cast.a)
        _add(cast, 3)
        client.get(url)  # warm caches (e.g. content types)
        before = _count(client, url)
        _add(cast, 3)
        assert _count(client, url) == before


def test_skipping_one_time_from_the_page(cast, client_for):
    with time_machine.travel(NOW, tick=False):
        series = services.add_series(
            cast.a, kind="together", title="Tuesday walk", rule="FREQ=WEEKLY;BYDAY=TU",
            starts_local=datetime(2026, 11, 3, 19, 0),
        )  # fmt: skip
        client = client_for(cast.a)
        page = client.get(reverse("dates:series")).content.decode()
        assert "Skip this one" in page
        # The page posts each time as shown to Ada (Paris): skip 10 November.
        client.post(
            reverse("dates:series_skip", args=[series.pk]), {"when": "2026-11-10T19:00:00+01:00"}
        )
        series.refresh_from_db()
        assert series.exceptions == ["2026-11-10T19:00:00"]
        found = services.series_occurrences(series, NOW, NOW + timedelta(days=16))
        assert [d.day for d in found] == [3, 17]
        response = client.post(reverse("dates:series_skip", args=[series.pk]), {"when": "soon"})
        assert response.status_code == 302
        assert Series.objects.get().exceptions == ["2026-11-10T19:00:00"]


def test_the_propose_page_offers_a_call_too(cast, client_for):
    from nearer.dates.models import Proposal

    with time_machine.travel(NOW, tick=False):
        client = client_for(cast.a)
        assert 'value="call"' in client.get(reverse("dates:propose")).content.decode()
        response = client.post(
            reverse("dates:propose"),
            {"kind": "call", "title": "Catch-up", "minutes": 30, "time_1": "2026-11-20T19:00"},
        )
    assert response.status_code == 302
    assert Proposal.objects.get().kind == "call"
