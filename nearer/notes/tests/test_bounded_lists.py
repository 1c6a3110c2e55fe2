"""The inbox, sent notes and the appreciation jar come in pages, in the pages and the API."""

import pytest
from django.urls import reverse

from nearer.core.paging import API_MAX_LIMIT, API_PAGE_SIZE, PAGE_SIZE
from nearer.notes import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(cast):
    for n in range(PAGE_SIZE + 5):
        services.send_note(cast.a, f"note number {n:03d}")
        services.send_note(cast.b, f"reply number {n:03d}")
        services.add_appreciation(cast.a, f"thanks number {n:03d}")
    return cast


def _count(html, prefix):
    return html.count(prefix)


def test_inbox_and_sent_show_one_page_and_a_more_link(many, client_for):
    client = client_for(many.b)
    html = client.get(reverse("notes:index")).content.decode()
    assert _count(html, "note number") == PAGE_SIZE  # inbox: notes from Alice
    assert _count(html, "reply number") == PAGE_SIZE  # sent: Ben's own
    # newest first; the oldest are on the next page
    assert f"note number {PAGE_SIZE + 4:03d}" in html and "note number 000" not in html
    assert 'href="?inbox=2&amp;sent=1"' not in html  # only the list being moved changes
    assert 'href="?inbox=2"' in html and 'href="?sent=2"' in html
    assert 'hx-get="?inbox=2&amp;part=inbox"' in html


def test_next_page_without_js_is_a_whole_page(many, client_for):
    html = client_for(many.b).get(reverse("notes:index"), {"inbox": 2}).content.decode()
    assert "<html" in html
    assert _count(html, "note number") == 5 and "note number 000" in html
    assert 'href="?inbox=3' not in html  # nothing further
    assert "Back to the newest" in html


def test_next_page_with_htmx_is_only_the_next_items(many, client_for):
    response = client_for(many.b).get(
        reverse("notes:index"), {"inbox": 2, "part": "inbox"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and "reply number" not in html
    assert _count(html, "note number") == 5


def test_bad_page_numbers_are_the_first_page(many, client_for):
    client = client_for(many.b)
    for bad in ("nonsense", "-3", "0", "9" * 40):
        response = client.get(reverse("notes:index"), {"inbox": bad})
        assert response.status_code == 200


def test_jar_is_paged(many, client_for):
    client = client_for(many.b)
    html = client.get(reverse("notes:jar")).content.decode()
    assert _count(html, "thanks number") == PAGE_SIZE
    part = client.get(
        reverse("notes:jar"), {"page": 2, "part": "page"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert _count(part, "thanks number") == 5 and "<html" not in part
    assert "<li" in part  # items go into the jar's list


@pytest.mark.parametrize("url", ["/api/v1/notes", "/api/v1/appreciations", "/api/v1/timeline"])
def test_api_lists_are_paginated_and_capped(many, client_for, url):
    from nearer.testing import make_moment

    for n in range(API_PAGE_SIZE + 1):
        make_moment(many.a, title=f"moment {n}")
    client = client_for(many.b)
    body = client.get(url).json()
    assert set(body) == {"items", "count"}
    assert len(body["items"]) <= API_PAGE_SIZE
    assert body["count"] >= len(body["items"])
    rest = client.get(url, {"offset": API_PAGE_SIZE, "limit": API_MAX_LIMIT}).json()
    assert len(rest["items"]) == max(body["count"] - API_PAGE_SIZE, 0)
    first_ids = {i["id"] for i in body["items"]}
    assert first_ids.isdisjoint({i["id"] for i in rest["items"]})
    assert client.get(url, {"limit": API_MAX_LIMIT + 1}).status_code == 422


def test_api_notes_holds_received_and_sent_once_each(many, client_for):
    body = client_for(many.b).get("/api/v1/notes", {"limit": 200}).json()
    texts = [n["text"] for n in body["items"]]
    assert body["count"] == 2 * (PAGE_SIZE + 5) == len(texts) == len(set(texts))
    assert sum(n["from_me"] for n in body["items"]) == PAGE_SIZE + 5
