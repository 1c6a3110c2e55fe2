"""The deeper-work API for the cycle, trust, recovery, dreams and goals: the same rules as
the pages (private stays private, only the author acts, bad input gets a clear answer)."""

import pytest

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_cycle_api_keeps_episodes_private_and_names_shapes_as_possibilities(cast, client_for):
    ada, ben = client_for(cast.a), client_for(cast.b)
    for _n in range(2):
        created = ada.post(
            "/api/v1/cycle/episodes",
            {
                "happened": "Late again",
                "feelings": ["Alone"],
                "my_move": "reach",
                "their_move": "withdraw",
            },
            content_type=JSON,
        )
        assert created.status_code == 201
    assert created.json()["feelings"] == ["alone"]
    assert ben.get("/api/v1/cycle/episodes").json() == {"items": [], "count": 0}
    assert ada.get("/api/v1/cycle/episodes").json()["count"] == 2
    pattern = ada.get("/api/v1/cycle/pattern").json()
    assert pattern["feelings"] == [{"words": "alone", "times": 2}]
    assert [s["name"] for s in pattern["shapes_to_consider"]] == ["Pursue and withdraw"]
    assert ada.get("/api/v1/cycle/ours").json() == {"both_shared": False, "mine": {}, "theirs": {}}
    bad = ada.post(
        "/api/v1/cycle/episodes", {"happened": "x", "my_move": "blame"}, content_type=JSON
    )
    assert bad.status_code == 422


def test_trust_api_only_the_author_records_keeping(cast, client_for):
    ada, ben = client_for(cast.a), client_for(cast.b)
    made = ada.post("/api/v1/trust/commitments", {"text": "I will call"}, content_type=JSON).json()
    assert made["shared"] is True
    url = f"/api/v1/trust/commitments/{made['id']}/kept"
    assert ben.post(url, {}, content_type=JSON).status_code == 404
    assert ada.post(url, {"note": "called at 6"}, content_type=JSON).status_code == 200
    [seen] = ben.get("/api/v1/trust/commitments").json()["items"]
    assert seen["mine"] is False and seen["kept"][0]["note"] == "called at 6"
    solo = client_for(cast.solo).post("/api/v1/trust/commitments", {"text": "x"}, content_type=JSON)
    assert solo.json()["shared"] is False


def test_recovery_api_counters_and_sessions(cast, client_for):
    ada, ben = client_for(cast.a), client_for(cast.b)
    first = ada.post(
        "/api/v1/recovery/counters", {"label": "calm", "since": "2026-01-01"}, content_type=JSON
    ).json()
    second = ada.post(
        "/api/v1/recovery/counters", {"label": "care", "since": "2026-01-01"}, content_type=JSON
    ).json()
    again = ada.post(
        f"/api/v1/recovery/counters/{first['id']}/start-again",
        {"since": "2026-02-01"},
        content_type=JSON,
    )
    assert again.json()["since"] == "2026-02-01"
    by_id = {c["id"]: c["since"] for c in ada.get("/api/v1/recovery/counters").json()}
    assert by_id == {first["id"]: "2026-02-01", second["id"]: "2026-01-01"}
    assert ben.get("/api/v1/recovery/counters").json() == []
    future = ada.post(
        "/api/v1/recovery/counters", {"label": "x", "since": "2999-01-01"}, content_type=JSON
    )
    assert future.status_code == 400 and "today" in future.json()["detail"]
    session = ben.post(
        "/api/v1/recovery/sessions",
        {"kind": "group", "day": "2026-01-03", "share": True},
        content_type=JSON,
    )
    assert session.status_code == 201
    assert [s["kind"] for s in ada.get("/api/v1/recovery/sessions").json()["items"]] == ["group"]


def test_dreams_and_goals_api(cast, client_for):
    ada, ben = client_for(cast.a), client_for(cast.b)
    dream = ada.post("/api/v1/dreams", {"text": "A garden"}, content_type=JSON).json()
    assert ada.post(f"/api/v1/dreams/{dream['id']}/hold").status_code == 404
    assert ben.post(f"/api/v1/dreams/{dream['id']}/hold").json()["both_hold"] is True
    [held] = ada.get("/api/v1/dreams").json()["items"]
    assert held["id"] == dream["id"] and held["both_hold"] is True
    ada.post("/api/v1/goals", {"kind": "growth", "title": "Rest more"}, content_type=JSON)
    ada.post("/api/v1/goals", {"kind": "together", "title": "Trip"}, content_type=JSON)
    assert [g["title"] for g in ben.get("/api/v1/goals").json()["items"]] == ["Trip"]
