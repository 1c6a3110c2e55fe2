"""Every list that grows with use comes in pages: the API's lists with limit/offset (at most
200 at a time), the pages' lists 20 at a time with a "more" link whose htmx request answers
only the next items. Neither makes more queries when the history grows."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nearer.core.paging import API_MAX_LIMIT, API_PAGE_SIZE, PAGE_SIZE
from nearer.cycle import services as cycle
from nearer.dates.models import Proposal, Status
from nearer.dreams import services as dreams
from nearer.journal import services as journal
from nearer.recovery import services as recovery
from nearer.talks import services as talks
from nearer.trust import services as trust
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db


# Each maker adds ``count`` rows written by ``cast.a``, the n-th carrying f"{marker} {n:03d}"
# (``start`` numbers them on when more are added to the same history).


def _entries(cast, marker, count, start=0):
    for n in range(start, start + count):
        journal.write(cast.a, f"{marker} {n:03d}")


def _shared_entries(cast, marker, count, start=0):
    for n in range(start, start + count):
        journal.share(cast.a, journal.write(cast.a, f"{marker} {n:03d}"))


def _talks(cast, marker, count, start=0):
    for n in range(start, start + count):
        talks.log_talk(cast.a, 15, 4, f"{marker} {n:03d}")


def _dates(cast, marker, count, start=0, tried_new=False):
    now = timezone.now()
    for n in range(start, start + count):
        past = now - timedelta(days=400 - n)
        proposal = Proposal(recipient=cast.b, status=Status.ACCEPTED, starts_at=past)
        proposal.tried_new_at = past if tried_new else None
        proposal.attach(cast.a, Visibility.SHARED)
        proposal.title = f"{marker} {n:03d}"
        proposal.save()


def _new_things(cast, marker, count, start=0):
    _dates(cast, marker, count, start, tried_new=True)


def _sessions(cast, marker, count, start=0):
    for n in range(start, start + count):
        day = date(2024, 1, 1) + timedelta(days=n)
        recovery.log_session(cast.a, "group", day, f"{marker} {n:03d}", share=True)


def _episodes(cast, marker, count, start=0):
    for n in range(start, start + count):
        cycle.log_episode(cast.a, {"happened": f"{marker} {n:03d}"})


def _dreams(cast, marker, count, start=0):
    for n in range(start, start + count):
        dreams.add_dream(cast.a, f"{marker} {n:03d}")


def _goals(cast, marker, count, start=0):
    for n in range(start, start + count):
        dreams.add_goal(cast.a, "together", f"{marker} {n:03d}", None, True)


def _commitments(cast, marker, count, start=0):
    for n in range(start, start + count):
        trust.make_commitment(cast.a, f"{marker} {n:03d}", True)


# url, maker, the field holding the marker, who asks (a: the author, b: the partner)
API_LISTS = [
    ("/api/v1/journal", _entries, "text", "a"),
    ("/api/v1/journal/shared", _shared_entries, "text", "b"),
    ("/api/v1/talks", _talks, "my_note", "a"),
    ("/api/v1/dates", _dates, "title", "b"),
    ("/api/v1/recovery/sessions", _sessions, "note", "b"),
    ("/api/v1/cycle/episodes", _episodes, None, "a"),
    ("/api/v1/dreams", _dreams, "text", "b"),
    ("/api/v1/goals", _goals, "title", "b"),
    ("/api/v1/trust/commitments", _commitments, "text", "b"),
    ("/api/v1/dates/new-things", _new_things, "title", "b"),
]


def _queries(client, url, params=None, headers=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, headers=headers or {})
    assert response.status_code == 200, (url, response.status_code)
    return response, len(queries)


@pytest.mark.parametrize(("url", "make", "field", "who"), API_LISTS, ids=[a[0] for a in API_LISTS])
def test_api_list_is_paginated_capped_and_bounded_in_queries(
    cast, client_for, url, make, field, who
):
    total = API_PAGE_SIZE + 10
    make(cast, "row", total)
    client = client_for(getattr(cast, who))
    first, queries = _queries(client, url)
    body = first.json()
    assert set(body) == {"items", "count"}
    assert len(body["items"]) == API_PAGE_SIZE and body["count"] == total
    rest = client.get(url, {"limit": API_MAX_LIMIT, "offset": API_PAGE_SIZE}).json()
    assert len(rest["items"]) == 10 and rest["count"] == total
    ids = [i["id"] for i in body["items"] + rest["items"]]
    assert len(set(ids)) == total  # every row once, none twice across the pages
    if field:  # newest first: the last written opens the first page, the first ends the last
        assert body["items"][0][field] == f"row {total - 1:03d}"
        assert rest["items"][-1][field] == "row 000"
    assert client.get(url, {"limit": API_MAX_LIMIT + 300}).status_code == 422
    assert client.get(url, {"limit": 0}).status_code == 422
    make(cast, "row", total, start=total)  # twice the history: the same number of queries
    again, more_queries = _queries(client, url)
    assert again.json()["count"] == 2 * total
    assert more_queries == queries


def test_api_journal_search_is_paginated_too(cast, client_for):
    _entries(cast, "rain", API_PAGE_SIZE + 10)
    _entries(cast, "sun", 5)
    client = client_for(cast.a)
    body = client.get("/api/v1/journal", {"q": "rain"}).json()
    assert len(body["items"]) == API_PAGE_SIZE and body["count"] == API_PAGE_SIZE + 10
    rest = client.get("/api/v1/journal", {"q": "rain", "offset": API_PAGE_SIZE}).json()
    assert len(rest["items"]) == 10 and all("rain" in e["text"] for e in rest["items"])


# url name, the list's page parameter, maker, who looks, the pattern one item of it shows
PAGE_LISTS = [
    ("journal:index", "page", _entries, "a", None),
    ("journal:index", "shared", _shared_entries, "b", None),
    ("dates:index", "past", _dates, "a", None),
    ("dates:index", "new", _new_things, "a", r"row \d{3} <span"),  # not its past-date card
    ("recovery:sessions", "page", _sessions, "b", None),
    ("cycle:index", "page", _episodes, "a", None),
    ("dreams:board", "page", _dreams, "b", None),
    ("trust:index", "page", _commitments, "b", None),
    ("talks:talk", "page", _talks, "a", None),
    ("dreams:goals", "page", _goals, "b", r"<h2>row \d{3}</h2>"),
]


@pytest.mark.parametrize(
    ("name", "param", "make", "who", "pattern"),
    PAGE_LISTS,
    ids=[f"{p[0]}?{p[1]}" for p in PAGE_LISTS],
)
def test_page_list_shows_one_page_and_htmx_fetches_only_the_rest(
    cast, client_for, name, param, make, who, pattern
):
    items = pattern or r"row \d{3}"
    make(cast, "row", PAGE_SIZE + 5)
    client = client_for(getattr(cast, who))
    url = reverse(name)
    client.get(url)  # a first visit may set things up (today's card): not what is measured
    first, queries = _queries(client, url)
    html = first.content.decode()
    assert len(re.findall(items, html)) == PAGE_SIZE
    assert f"row {PAGE_SIZE + 4:03d}" in html and "row 000" not in html  # newest first
    assert f'href="?{param}=2"' in html
    assert f'hx-get="?{param}=2&amp;part={param}"' in html

    part = client.get(url, {param: 2, "part": param}, headers={"HX-Request": "true"})
    rest = part.content.decode()
    assert "<html" not in rest
    assert len(re.findall(items, rest)) == 5 and "row 000" in rest
    assert f"{param}=3" not in rest  # nothing further

    whole = client.get(url, {param: 2}).content.decode()  # without JavaScript: a whole page
    assert "<html" in whole and len(re.findall(items, whole)) == 5
    assert "Back to the newest" in whole

    make(cast, "row", PAGE_SIZE + 5, start=PAGE_SIZE + 5)  # twice the history
    _again, more_queries = _queries(client, url)
    assert more_queries == queries


@pytest.mark.parametrize("name", ["journal:index", "dates:index", "trust:index", "talks:talk"])
def test_bad_page_numbers_are_the_first_page(cast, client_for, name):
    client = client_for(cast.a)
    for bad in ("nonsense", "-3", "0", "9" * 40):
        for param in ("page", "shared", "past", "new"):
            assert client.get(reverse(name), {param: bad}).status_code == 200
