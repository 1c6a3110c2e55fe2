"""Library pages and API: full-text search, filters, item pages, bad input."""

import pytest
from django.conf import settings
from django.urls import reverse

from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.library.search import Filters, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    load_library(settings.NEARER_CONTENT_DIR)


def keys(items):
    return [item.key for item in items]


def test_full_text_search_finds_by_words_and_prefixes(library):
    found = search(Filters(q="apolog"))
    assert found, "prefix search"
    assert all("apolog" in (i.title + i.body).lower() for i in found)


def test_search_ranks_title_matches_first(library):
    found = search(Filters(q="video call"))
    assert found
    top = found[0]
    assert (
        "video" in top.title.lower() or "call" in top.title.lower() or "video" in top.body.lower()
    )


@pytest.mark.parametrize(
    "nasty", ['"', "AND(", "*", "NEAR/2", "'; DROP TABLE library_item; --", "ü" * 300]
)
def test_any_input_is_safe(library, client, nasty):
    assert client.get(reverse("library:index"), {"q": nasty}).status_code == 200
    assert Item.objects.exists()


def test_filters_combine(library):
    found = search(Filters(kind="date", setting="home", cost="free", situation="new_parents"))
    assert found
    for item in found:
        assert item.kind == "date"
        assert " setting:home " in item.tags and " cost:free " in item.tags
        assert " situation:new_parents " in item.tags or " situation:all " in item.tags


def test_length_and_depth_filters(library):
    short = search(Filters(kind="exercise", length="short"))
    assert short and all(i.minutes <= 15 for i in short)
    deep = search(Filters(kind="question", depth="deep"))
    assert deep and all(i.data["depth"] == "deep" for i in deep)


def test_retired_items_are_not_found(library):
    item = Item.objects.get(key=search(Filters(q="apolog"))[0].key)
    Item.objects.filter(pk=item.pk).update(retired_at="2026-01-01T00:00Z")
    assert item.key not in keys(search(Filters(q="apolog")))


def test_library_page_lists_filters_and_paginates(library, client):
    response = client.get(reverse("library:index"), {"kind": "question", "page": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Page 2 of" in html
    assert client.get(reverse("library:index"), {"kind": "nonsense"}).status_code == 200


def test_item_page_shows_steps_and_method(library, client):
    exercise = Item.objects.filter(kind="exercise").first()
    html = client.get(reverse("library:detail", args=[exercise.key])).content.decode()
    assert exercise.title in html or exercise.title.replace("'", "&#x27;") in html
    assert "Draws on:" in html and '<ol class="steps">' in html


def test_unknown_item_is_404(client):
    assert client.get(reverse("library:detail", args=["q-none-000"])).status_code == 404


def test_api_search_and_item(library, client_for, cast):
    client = client_for(cast.a)
    found = client.get("/api/v1/library", {"q": "morning", "kind": "note", "limit": 5}).json()
    assert found["count"] >= 1 and len(found["items"]) <= 5
    assert all(item["kind"] == "note" for item in found["items"])
    key = found["items"][0]["key"]
    assert client.get(f"/api/v1/library/{key}").json()["key"] == key
    assert client.get("/api/v1/library/nope").status_code == 404


def test_library_pages_query_counts(library, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(reverse("library:index"), {"q": "together", "kind": "date"})
    item = Item.objects.first()
    with django_assert_max_num_queries(3):
        client.get(reverse("library:detail", args=[item.key]))


def test_api_rejects_unknown_filter_values(client_for, cast):
    client = client_for(cast.a)
    assert client.get("/api/v1/library", {"situation": "mars"}).status_code == 422
    assert client.get("/api/v1/library", {"limit": -3}).status_code == 422
    assert client.get("/api/v1/library", {"q": "tea\x00cup"}).status_code == 400
    moment = client.post(
        "/api/v1/timeline",
        {"title": "a\u0000b", "happened_on": "2024-01-01"},
        content_type="application/json",
    )
    assert moment.status_code == 400
