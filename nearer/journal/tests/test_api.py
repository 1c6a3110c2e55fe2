"""The journal API: write, search, share, unshare, delete; the partner only reads shared."""

import pytest

pytestmark = pytest.mark.django_db


def test_write_search_share_unshare_delete(cast, client_for):
    ada, ben = client_for(cast.a), client_for(cast.b)
    created = ada.post(
        "/api/v1/journal",
        {"text": "Rain on the roof", "tags": ["Calm"]},
        content_type="application/json",
    )
    assert created.status_code == 201
    entry = created.json()
    assert entry["tags"] == ["calm"] and entry["shared"] is False and entry["mine"] is True
    assert [e["text"] for e in ada.get("/api/v1/journal", {"q": "roof"}).json()["items"]] == [
        "Rain on the roof"
    ]
    assert ada.get("/api/v1/journal", {"tag": "other"}).json() == {"items": [], "count": 0}
    assert ben.get(f"/api/v1/journal/{entry['id']}").status_code == 404
    assert ada.post(f"/api/v1/journal/{entry['id']}/share").json()["shared"] is True
    assert ben.get(f"/api/v1/journal/{entry['id']}").json()["mine"] is False
    assert [e["text"] for e in ben.get("/api/v1/journal/shared").json()["items"]] == [
        "Rain on the roof"
    ]
    assert ben.get("/api/v1/journal").json()["items"] == []  # search covers one's own entries only
    assert ben.post(f"/api/v1/journal/{entry['id']}/unshare").status_code == 404
    ada.post(f"/api/v1/journal/{entry['id']}/unshare")
    assert ben.get(f"/api/v1/journal/{entry['id']}").status_code == 404
    assert ada.delete(f"/api/v1/journal/{entry['id']}").status_code == 204


def test_bad_input_gets_clear_answers(cast, client_for):
    ada = client_for(cast.a)
    blank = ada.post("/api/v1/journal", {"text": "   "}, content_type="application/json")
    assert blank.status_code == 400 and blank.json()["detail"] == "Write something first."
    too_many = ada.post(
        "/api/v1/journal",
        {"text": "x", "tags": [str(n) for n in range(20)]},
        content_type="application/json",
    )
    assert too_many.status_code == 422
    solo = client_for(cast.solo)
    entry = solo.post("/api/v1/journal", {"text": "alone"}, content_type="application/json").json()
    assert solo.post(f"/api/v1/journal/{entry['id']}/share").status_code == 409
