"""Time together in the JSON API: recurring time, visits, free times, the feed's settings,
another time, calling off, and afterwards. Each route: author, partner, outsider, anonymous,
and a clear 422 (never a 500) for bad input such as far-off years and odd offsets."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from nearer.dates import services
from nearer.dates.models import Proposal, Series, Status
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday, before Europe's clocks change

FAR_OFF = [
    "0749-09-14T02:37:40-21:58",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:00:00-05:00",
    "2201-01-01T00:00:00Z",
]


@pytest.fixture(autouse=True)
def _fixed_now():
    with time_machine.travel(NOW, tick=True):
        yield


def _json(client, method, url, body=None):
    return client.generic(method, url, "" if body is None else json.dumps(body), "application/json")


# --- recurring time -----------------------------------------------------------------------


def test_recurring_time_keeps_its_wall_clock_and_shows_to_the_partner(cast, client_for):
    a, b = client_for(cast.a), client_for(cast.b)
    response = _json(
        a,
        "POST",
        "/api/v1/series",
        # 18:00 UTC is 19:00 in Paris (Ada's zone): it repeats at 19:00 Paris time.
        {"title": "Friday is ours", "rule": "FREQ=WEEKLY;BYDAY=FR", "starts": "2026-03-20T18:00Z"},
    )
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["starts_local"] == "2026-03-20T19:00" and made["time_zone"] == "Europe/Paris"
    assert made["upcoming"][:3] == [
        "2026-03-20T19:00:00+01:00",
        "2026-03-27T19:00:00+01:00",
        "2026-04-03T19:00:00+02:00",  # summer time: still 19:00 in Paris
    ]
    assert [s["title"] for s in b.get("/api/v1/series").json()] == ["Friday is ours"]
    assert b.get("/api/v1/series").json()[0]["from_me"] is False
    assert client_for(cast.outsider).get("/api/v1/series").json() == []


def test_private_recurring_time_stays_private(cast, client_for):
    body = {"rule": "FREQ=DAILY", "starts": "2026-03-03T08:00Z", "visibility": "private"}
    assert _json(client_for(cast.a), "POST", "/api/v1/series", body).status_code == 201
    assert client_for(cast.b).get("/api/v1/series").json() == []
    events = client_for(cast.b).get("/api/v1/calendar?start=2026-03-02T00:00Z&days=7").json()
    assert events == []


def test_skipping_one_time_and_removing_a_series(cast, client_for):
    a, b = client_for(cast.a), client_for(cast.b)
    made = _json(
        a, "POST", "/api/v1/series", {"rule": "FREQ=WEEKLY", "starts": "2026-03-03T18:00Z"}
    ).json()
    url = f"/api/v1/series/{made['id']}"
    skip = {"starts_at": "2026-03-10T19:00:00+01:00"}
    assert _json(b, "POST", f"{url}/skip", skip).status_code == 404  # not the partner's
    response = _json(a, "POST", f"{url}/skip", skip)
    assert response.status_code == 200
    assert response.json()["skipped"] == ["2026-03-10T19:00:00"]
    assert "2026-03-10T19:00:00+01:00" not in response.json()["upcoming"]
    not_a_time = _json(a, "POST", f"{url}/skip", {"starts_at": "2026-03-11T19:00:00+01:00"})
    assert not_a_time.status_code == 422
    assert "not one of the times" in not_a_time.json()["detail"]
    assert b.delete(url).status_code == 404
    assert client_for(cast.outsider).delete(url).status_code == 404
    assert Client().delete(url).status_code == 401
    assert a.delete(url).status_code == 204
    assert not Series.objects.exists()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"rule": "FREQ=SOMETIMES", "starts": "2026-03-03T18:00Z"}, "repeat rule"),
        ({"rule": "FREQ=HOURLY", "starts": "2026-03-03T18:00Z"}, "repeat rule"),
        ({"rule": "FREQ=DAILY;BYHOUR=1,2,3", "starts": "2026-03-03T18:00Z"}, "repeat rule"),
        # 30 February never comes: refused, never expanded for ever.
        ({"rule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "starts": "2026-03-03T18:00Z"}, "rule"),
        ({"rule": "FREQ=WEEKLY", "starts": "2026-03-03T18:00"}, "offset"),
        ({"rule": "FREQ=WEEKLY", "starts": "2026-03-03T18:00Z", "minutes": 0}, "length"),
        ({"rule": "FREQ=WEEKLY", "starts": "2026-03-03T18:00Z", "minutes": 10**12}, "length"),
        *[({"rule": "FREQ=WEEKLY", "starts": far}, "years") for far in FAR_OFF],
    ],
)
def test_bad_recurring_time_gets_a_clear_422(cast, client_for, body, words):
    response = _json(client_for(cast.a), "POST", "/api/v1/series", body)
    assert response.status_code == 422, response.content
    assert words in str(response.json()["detail"])


@pytest.mark.parametrize("far", FAR_OFF)
def test_skipping_a_far_off_time_gets_a_clear_422(cast, client_for, far):
    series = services.add_series(
        cast.a, kind="together", title="", rule="FREQ=WEEKLY", starts_local=datetime(2026, 3, 3)
    )
    response = _json(
        client_for(cast.a), "POST", f"/api/v1/series/{series.pk}/skip", {"starts_at": far}
    )
    assert response.status_code == 422


# --- visits -------------------------------------------------------------------------------


def test_visits_countdown_and_changes_only_by_their_author(cast, client_for):
    a, b = client_for(cast.a), client_for(cast.b)
    assert b.get("/api/v1/visits/next").json() == {"visit": None, "days": None}
    made = _json(
        a,
        "POST",
        "/api/v1/visits",
        {"starts_on": "2026-03-12", "ends_on": "2026-03-15", "place": "Porto", "plans": "tiles"},
    )
    assert made.status_code == 201
    visit = made.json()
    assert visit["days_until"] == 10 and visit["from_me"] is True
    countdown = b.get("/api/v1/visits/next").json()
    assert countdown["days"] == 10 and countdown["visit"]["place"] == "Porto"
    assert [v["id"] for v in b.get("/api/v1/visits").json()] == [visit["id"]]
    url = f"/api/v1/visits/{visit['id']}"
    assert _json(b, "PATCH", url, {"place": "Lisbon"}).status_code == 404
    assert _json(client_for(cast.outsider), "PATCH", url, {"place": "x"}).status_code == 404
    changed = _json(a, "PATCH", url, {"starts_on": "2026-03-13", "place": "Lisbon"})
    assert changed.status_code == 200
    assert changed.json()["place"] == "Lisbon" and changed.json()["plans"] == "tiles"
    assert b.get("/api/v1/visits/next").json()["days"] == 11
    assert _json(a, "PATCH", url, {"ends_on": "2026-03-01"}).status_code == 422
    assert b.delete(url).status_code == 404
    assert a.delete(url).status_code == 204
    assert client_for(cast.outsider).get("/api/v1/visits").json() == []


@pytest.mark.parametrize(
    "body",
    [
        {"starts_on": "2026-03-12", "ends_on": "2026-03-10"},
        {"starts_on": "0001-01-01", "ends_on": "9999-12-31"},
        {"starts_on": "9999-12-31", "ends_on": "9999-12-31"},
        {"starts_on": "2026-03-12", "ends_on": "2028-03-12"},
        {"starts_on": "2026-02-30", "ends_on": "2026-03-12"},
    ],
)
def test_bad_visits_get_a_clear_422(cast, client_for, body):
    assert _json(client_for(cast.a), "POST", "/api/v1/visits", body).status_code == 422


# --- usual free times ---------------------------------------------------------------------


def test_each_person_sets_their_free_times_and_sees_the_partners(cast, client_for):
    a, b = client_for(cast.a), client_for(cast.b)
    body = {
        "times": [
            {"weekday": 0, "start": "18:00", "end": "21:00"},
            {"weekday": 5, "start": "09:00", "end": "12:00"},
        ]
    }
    saved = _json(a, "PUT", "/api/v1/distance/free-times", body)
    assert saved.status_code == 200
    assert [(t["weekday"], t["start"], t["end"]) for t in saved.json()] == [
        (0, "18:00", "21:00"),
        (5, "09:00", "12:00"),
    ]
    again = _json(a, "PUT", "/api/v1/distance/free-times", {"times": body["times"][:1]})
    assert len(again.json()) == 1  # the list is replaced, not added to
    seen_by_b = b.get("/api/v1/distance/free-times").json()
    assert [(t["start"], t["from_me"]) for t in seen_by_b] == [("18:00", False)]
    assert client_for(cast.outsider).get("/api/v1/distance/free-times").json() == []
    assert Client().get("/api/v1/distance/free-times").status_code == 401


@pytest.mark.parametrize(
    "times",
    [
        [{"weekday": 9, "start": "18:00", "end": "21:00"}],
        [{"weekday": -1, "start": "18:00", "end": "21:00"}],
        [{"weekday": 1, "start": "21:00", "end": "18:00"}],
        [{"weekday": 1, "start": "25:00", "end": "26:00"}],
        [{"weekday": 1, "start": "18:00+05:00", "end": "21:00"}],
        [{"weekday": 1, "start": "18:00", "end": "21:00"}] * 51,
    ],
)
def test_bad_free_times_get_a_clear_422_and_change_nothing(cast, client_for, times):
    services.add_free_time(
        cast.a, 2, datetime(2026, 1, 1, 8).time(), datetime(2026, 1, 1, 9).time()
    )
    response = _json(client_for(cast.a), "PUT", "/api/v1/distance/free-times", {"times": times})
    assert response.status_code == 422
    assert len(client_for(cast.a).get("/api/v1/distance/free-times").json()) == 1


# --- the calendar feed's settings -----------------------------------------------------------


def test_feed_address_is_only_ever_given_to_its_owner(cast, client_for):
    a, b = client_for(cast.a), client_for(cast.b)
    assert a.get("/api/v1/calendar/feed").json() == {
        "active": False,
        "url": None,
        "titles": "default",
        "neutral_now": False,
    }
    made = a.post("/api/v1/calendar/feed/regenerate").json()
    assert made["active"] is True and "/calendar/feed/" in made["url"]
    path = made["url"].split("://", 1)[1].split("/", 1)[1]
    assert Client().get("/" + path).status_code == 200
    # The partner's settings are their own: A's address never appears there.
    for_b = b.get("/api/v1/calendar/feed").json()
    assert for_b["url"] is None and path not in str(for_b)
    assert Client().get("/api/v1/calendar/feed").status_code == 401
    renewed = a.post("/api/v1/calendar/feed/regenerate").json()
    assert renewed["url"] != made["url"]
    assert Client().get("/" + path).status_code == 404  # the old address stopped working
    assert a.delete("/api/v1/calendar/feed").json()["url"] is None
    new_path = renewed["url"].split("://", 1)[1].split("/", 1)[1]
    assert Client().get("/" + new_path).status_code == 404


def test_neutral_titles_on_and_off(cast, client_for):
    a = client_for(cast.a)
    proposal = services.propose(cast.a, [NOW + timedelta(days=2)], title="Salsa class")
    services.accept(cast.b, proposal, proposal.times.first())
    url = a.post("/api/v1/calendar/feed/regenerate").json()["url"]
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    assert b"Salsa class" in Client().get(path).content
    saved = _json(a, "PUT", "/api/v1/calendar/feed/titles", {"titles": "neutral"})
    assert saved.json()["titles"] == "neutral" and saved.json()["neutral_now"] is True
    feed = Client().get(path).content
    assert b"Salsa class" not in feed and b"SUMMARY:Time together" in feed
    _json(a, "PUT", "/api/v1/calendar/feed/titles", {"titles": "full"})
    assert b"Salsa class" in Client().get(path).content
    bad = _json(a, "PUT", "/api/v1/calendar/feed/titles", {"titles": "sometimes"})
    assert bad.status_code == 422


# --- another time, calling off, afterwards -------------------------------------------------


def test_the_partner_suggests_another_time_through_the_api(cast, client_for):
    proposal = services.propose(cast.a, [NOW + timedelta(days=3)], title="Picnic")
    url = f"/api/v1/dates/{proposal.pk}/times"
    later = {"starts_at": (NOW + timedelta(days=4)).isoformat()}
    assert _json(client_for(cast.a), "POST", url, later).status_code == 404  # not A's turn
    response = _json(client_for(cast.b), "POST", url, later)
    assert response.status_code == 200 and response.json()["status"] == "countered"
    for far in FAR_OFF:
        assert _json(client_for(cast.a), "POST", url, {"starts_at": far}).status_code == 422
    past = {"starts_at": (NOW - timedelta(days=1)).isoformat()}
    assert _json(client_for(cast.a), "POST", url, past).status_code == 422


@pytest.mark.parametrize("far", FAR_OFF)
def test_proposing_a_far_off_time_gets_a_clear_422(cast, client_for, far):
    body = {"title": "Stargazing", "times": [far]}
    assert _json(client_for(cast.a), "POST", "/api/v1/dates", body).status_code == 422


def test_reflections_and_tried_something_new_through_the_api(cast, client_for):
    proposal = services.propose(cast.a, [NOW + timedelta(hours=2)], title="Pottery class")
    services.accept(cast.b, proposal, proposal.times.first())
    a, b = client_for(cast.a), client_for(cast.b)
    url = f"/api/v1/dates/{proposal.pk}"
    early = _json(a, "POST", f"{url}/reflections", {"text": "soon", "visibility": "private"})
    assert early.status_code == 409
    with time_machine.travel(NOW + timedelta(days=1), tick=True):
        mine = {"text": "my hands were clay", "visibility": "private"}
        assert _json(a, "POST", f"{url}/reflections", mine).status_code == 201
        theirs = {"text": "you laughed so much", "visibility": "shared"}
        assert _json(b, "POST", f"{url}/reflections", theirs).status_code == 201
        empty = _json(b, "POST", f"{url}/reflections", {"text": "  ", "visibility": "shared"})
        assert empty.status_code == 422
        seen_by_a = {r["text"] for r in a.get(f"{url}/reflections").json()}
        seen_by_b = {r["text"] for r in b.get(f"{url}/reflections").json()}
        assert seen_by_a == {"my hands were clay", "you laughed so much"}
        assert seen_by_b == {"you laughed so much"}
        outsider = client_for(cast.outsider)
        assert outsider.get(f"{url}/reflections").status_code == 404
        assert _json(outsider, "PUT", f"{url}/tried-new", {"tried": True}).status_code == 404
        marked = _json(b, "PUT", f"{url}/tried-new", {"tried": True})
        assert marked.json()["tried_something_new"] is True
        assert [p["title"] for p in a.get("/api/v1/dates/new-things").json()["items"]] == [
            "Pottery class"
        ]
        assert outsider.get("/api/v1/dates/new-things").json() == {"items": [], "count": 0}


# --- calling off ----------------------------------------------------------------------------


def _planned(cast):
    proposal = services.propose(cast.a, [NOW + timedelta(days=3)], title="Night market")
    services.accept(cast.b, proposal, proposal.times.first())
    return proposal


@pytest.mark.parametrize("who", ["a", "b"])
def test_either_partner_calls_off_a_planned_date_kindly(cast, client_for, who):
    from nearer.reminders.models import Reminder
    from nearer.reminders.services import message_for

    proposal = _planned(cast)
    caller, other = (cast.a, cast.b) if who == "a" else (cast.b, cast.a)
    response = _json(
        client_for(caller), "POST", f"/api/v1/dates/{proposal.pk}/cancel", {"reason": "came_up"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["called_off_by"] == "me"
    seen = client_for(other).get(f"/api/v1/dates/{proposal.pk}").json()
    assert seen["called_off_by"] == "partner" and seen["cancel_reason"] == "came_up"
    # The other person is told, without the reason; the caller's own reminder is gone.
    reminders = Reminder.objects.filter(key=f"proposal:{proposal.pk}")
    assert [r.user for r in reminders] == [other]
    message = message_for(reminders.get())
    assert message.subject == "A date was called off"
    assert "Something came up" not in message.body and "Night market" not in message.body
    page = client_for(other).get(f"/dates/{proposal.pk}/").content.decode()
    assert "called it off" in page and "Something came up" in page
    events = client_for(other).get("/api/v1/calendar?start=2026-03-02T00:00Z&days=7").json()
    assert events == []


def test_calling_off_on_the_page_works_for_the_partner_too(cast, client_for):
    proposal = _planned(cast)
    response = client_for(cast.b).post(f"/dates/{proposal.pk}/cancel/", {"reason": "too_much"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.CANCELLED and proposal.cancelled_by == cast.b
    assert proposal.cancel_reason == "too_much"
    from nearer.reminders.news import whats_new

    texts = [n.text for n in whats_new(cast.a)]
    assert "Ben called off a date." in texts


def test_only_the_proposer_withdraws_a_proposal_still_waiting(cast, client_for):
    proposal = services.propose(cast.a, [NOW + timedelta(days=3)], title="Museum")
    url = f"/api/v1/dates/{proposal.pk}/cancel"
    assert _json(client_for(cast.b), "POST", url, {}).status_code == 404  # B declines instead
    assert client_for(cast.b).post(f"/dates/{proposal.pk}/cancel/").status_code == 404
    assert _json(client_for(cast.outsider), "POST", url, {}).status_code == 404
    assert _json(client_for(cast.a), "POST", url, {"reason": "whatever"}).status_code == 422
    assert Proposal.objects.get().status == Status.PROPOSED
    assert _json(client_for(cast.a), "POST", url, {}).json()["status"] == "cancelled"
    assert _json(client_for(cast.a), "POST", url, {}).status_code == 404  # already off


def test_a_date_that_has_happened_cannot_be_called_off(cast, client_for):
    proposal = _planned(cast)
    with time_machine.travel(NOW + timedelta(days=4), tick=True):
        assert not services.can_call_off(cast.a, proposal)
        url = f"/api/v1/dates/{proposal.pk}/cancel"
        assert _json(client_for(cast.b), "POST", url, {}).status_code == 404


def test_recurring_time_of_someone_alone_stays_private(cast):
    series = services.add_series(
        cast.solo,
        kind="together",
        title="",
        rule="FREQ=WEEKLY",
        starts_local=datetime(2026, 3, 3, 19),
        visibility=Visibility.SHARED,
    )
    assert series.visibility == Visibility.PRIVATE


def test_a_call_can_be_proposed_and_lands_on_the_calendar_as_a_call(cast, client_for):
    body = {"kind": "call", "title": "Sunday catch-up", "times": ["2026-03-08T18:00:00Z"]}
    made = _json(client_for(cast.a), "POST", "/api/v1/dates", body).json()
    assert made["kind"] == "call"
    b = client_for(cast.b)
    b.post(f"/api/v1/dates/{made['id']}/times/{made['times'][0]['id']}/accept")
    events = b.get("/api/v1/calendar?start=2026-03-08T00:00Z&days=1").json()
    assert [(e["kind"], e["title"]) for e in events] == [("call", "Sunday catch-up")]
    bad = _json(client_for(cast.a), "POST", "/api/v1/dates", {**body, "kind": "party"})
    assert bad.status_code == 422


def test_a_planned_call_is_announced_as_a_call(cast):
    from nearer.reminders.models import Reminder
    from nearer.reminders.services import message_for

    proposal = services.propose(cast.a, [NOW + timedelta(days=3)], title="Catch-up", kind="call")
    services.accept(cast.b, proposal, proposal.times.first())
    message = message_for(Reminder.objects.get(user=cast.a, key=f"proposal:{proposal.pk}"))
    assert message.subject == "A call is coming up" and "date" not in message.body


def test_date_ideas_with_my_own_marks_untried_first(cast, client_for):
    from nearer.library.models import Item

    for key, title in (("d-a", "A walk"), ("d-b", "Board games"), ("d-c", "Cooking")):
        Item.objects.create(
            key=key, kind="date", title=title, content_hash="x", source="t", loaded_at=NOW
        )
    a, b = client_for(cast.a), client_for(cast.b)
    assert _json(a, "PUT", "/api/v1/dates/ideas/d-a/mark", {"we_did_this": True}).json() == {
        "key": "d-a",
        "title": "A walk",
        "favourite": False,
        "we_did_this": True,
    }
    _json(a, "PUT", "/api/v1/dates/ideas/d-c/mark", {"favourite": True})
    assert [i["key"] for i in a.get("/api/v1/dates/ideas").json()] == ["d-c", "d-b", "d-a"]
    assert [i["key"] for i in a.get("/api/v1/dates/ideas?order=favourites").json()] == ["d-c"]
    assert b.get("/api/v1/dates/ideas?order=favourites").json() == []  # marks are one's own
    assert a.get("/api/v1/dates/ideas?order=random").status_code == 422
    missing = _json(a, "PUT", "/api/v1/dates/ideas/nope/mark", {"favourite": True})
    assert missing.status_code == 404
