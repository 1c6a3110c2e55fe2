"""Changing recurring time and bringing back a skipped time: in services, on the page and in
the API. Only the author changes a series (as only they remove it); the partner sees the
change on their own list, calendar and feed. Wall-clock times hold across daylight saving."""

import json
from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from nearer.dates import calendar as cal
from nearer.dates import services
from nearer.dates.models import Series
from nearer.reminders import services as reminders
from nearer.reminders.models import Reminder

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday, before Europe's clocks change (29 March)


@pytest.fixture(autouse=True)
def _fixed_now():
    with time_machine.travel(NOW, tick=True):
        yield


def _friday(cast, **extra) -> Series:
    """Ada (Paris): Friday 19:00 is ours, from 6 March 2026, shared with Ben."""
    fields = {"kind": "together", "title": "Friday is ours", "rule": "FREQ=WEEKLY;BYDAY=FR"}
    return services.add_series(
        cast.a, **{**fields, **extra}, starts_local=datetime(2026, 3, 6, 19, 0)
    )


def _starts(series, days=42):
    return [t.isoformat() for t in services.series_occurrences(series, NOW, NOW + timedelta(days))]


def _json(client, method, url, body=None):
    return client.generic(method, url, "" if body is None else json.dumps(body), "application/json")


# --- services ---------------------------------------------------------------------------


def test_a_new_time_keeps_its_wall_clock_across_the_change_to_summer_time(cast):
    series = _friday(cast)
    services.update_series(cast.a, series, starts_local=datetime(2026, 3, 6, 20, 30))
    series.refresh_from_db()
    assert (series.first_day.isoformat(), series.at.isoformat()) == ("2026-03-06", "20:30:00")
    assert _starts(series, 35)[3:5] == [
        "2026-03-27T20:30:00+01:00",
        "2026-04-03T20:30:00+02:00",  # summer time: still 20:30 in Paris
    ]


def test_title_kind_rule_and_length_change_and_nothing_else_moves(cast):
    series = _friday(cast)
    services.update_series(
        cast.a, series, title="  Saturday is ours ", kind="call", rule="FREQ=WEEKLY;BYDAY=SA"
    )
    services.update_series(cast.a, series, minutes=90)
    series = Series.objects.get()
    assert (series.title, series.kind, series.rule, series.minutes) == (
        "Saturday is ours",
        "call",
        "FREQ=WEEKLY;BYDAY=SA",
        90,
    )
    assert series.time_zone == "Europe/Paris"
    assert _starts(series, 14) == ["2026-03-07T19:00:00+01:00", "2026-03-14T19:00:00+01:00"]


def test_skipped_days_stay_skipped_at_the_new_time_and_days_it_leaves_are_let_go(cast):
    series = _friday(cast)
    services.skip_occurrence(cast.a, series, datetime(2026, 3, 13, 19, 0))
    services.update_series(cast.a, series, starts_local=datetime(2026, 3, 6, 20, 0))
    assert Series.objects.get().exceptions == ["2026-03-13T20:00:00"]
    assert "2026-03-13T20:00:00+01:00" not in _starts(series)
    services.update_series(cast.a, series, rule="FREQ=WEEKLY;BYDAY=SA")
    assert Series.objects.get().exceptions == []


def test_the_same_instant_from_a_new_zone_keeps_the_zone_it_was_written_in(cast):
    series = _friday(cast)
    cast.a.time_zone = "America/New_York"
    cast.a.save()
    # 19:00 in Paris is 13:00 in New York that day: not a new time, so Paris rules it still.
    services.update_series(
        cast.a, series, title="Still Friday", starts_local=datetime(2026, 3, 6, 13, 0)
    )
    series = Series.objects.get()
    assert (series.time_zone, series.at.isoformat(), series.title) == (
        "Europe/Paris",
        "19:00:00",
        "Still Friday",
    )
    # A new time is written in the author's zone of now.
    services.update_series(cast.a, series, starts_local=datetime(2026, 3, 6, 14, 0))
    series = Series.objects.get()
    assert (series.time_zone, series.at.isoformat()) == ("America/New_York", "14:00:00")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"rule": "FREQ=HOURLY"}, "rule"),
        ({"rule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"}, "rule"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": 24 * 60 + 1}, "minutes"),
        ({"kind": "party"}, "kind"),
        ({"starts_local": datetime(2201, 1, 1, 19, 0)}, "years"),
    ],
)
def test_changes_meet_the_same_checks_as_adding(cast, change, code):
    series = _friday(cast)
    with pytest.raises(services.DateError) as raised:
        services.update_series(cast.a, series, **change)
    assert raised.value.code == code
    with pytest.raises(services.DateError):
        services.add_series(
            cast.a,
            **{
                "kind": "together",
                "title": "",
                "rule": "FREQ=WEEKLY",
                "starts_local": datetime(2026, 3, 6, 19, 0),
                **change,
            },
        )
    kept = Series.objects.get()
    assert (kept.rule, kept.minutes, kept.kind) == ("FREQ=WEEKLY;BYDAY=FR", 60, "together")


def test_only_the_author_changes_or_brings_back_a_time(cast):
    series = _friday(cast)
    services.skip_occurrence(cast.a, series, datetime(2026, 3, 13, 19, 0))
    for attempt in (
        lambda: services.update_series(cast.b, series, title="Mine now"),
        lambda: services.unskip_occurrence(cast.b, series, datetime(2026, 3, 13, 19, 0)),
        lambda: services.delete_series(cast.b, series),
    ):
        with pytest.raises(services.DateError) as raised:
            attempt()
        assert raised.value.code == "not_yours"
    series = Series.objects.get()
    assert (series.title, series.exceptions) == ("Friday is ours", ["2026-03-13T19:00:00"])


def test_a_skipped_time_comes_back_just_that_once(cast):
    series = _friday(cast)
    services.skip_occurrence(cast.a, series, datetime(2026, 3, 13, 19, 0))
    services.skip_occurrence(cast.a, series, datetime(2026, 4, 3, 19, 0))
    assert "2026-03-13T19:00:00+01:00" not in _starts(series)
    # Given as the instant it starts at (18:00 UTC), in summer time or not.
    services.unskip_occurrence(cast.a, series, datetime(2026, 3, 13, 18, 0, tzinfo=UTC))
    assert Series.objects.get().exceptions == ["2026-04-03T19:00:00"]
    assert "2026-03-13T19:00:00+01:00" in _starts(series)
    services.unskip_occurrence(cast.a, series, datetime(2026, 4, 3, 17, 0, tzinfo=UTC))
    assert Series.objects.get().exceptions == []
    with pytest.raises(services.DateError) as raised:
        services.unskip_occurrence(cast.a, series, datetime(2026, 3, 13, 19, 0))
    assert raised.value.code == "not_skipped"
    with pytest.raises(services.DateError) as raised:
        services.unskip_occurrence(cast.a, series, datetime(2026, 3, 14, 19, 0))
    assert raised.value.code == "not_a_time"


def test_call_reminders_follow_a_changed_skipped_or_removed_call(cast):
    call = _friday(cast, kind="call")
    with time_machine.travel(datetime(2026, 3, 6, 8, 0, tzinfo=UTC), tick=False):
        reminders.plan_periodic()
        keys = set(Reminder.objects.values_list("key", flat=True))
        assert f"series:{call.pk}:2026-03-06T18:00:00+00:00" in keys
        services.skip_occurrence(cast.a, call, datetime(2026, 3, 6, 19, 0))
        assert not Reminder.objects.filter(key__startswith=f"series:{call.pk}:").exists()
        services.unskip_occurrence(cast.a, call, datetime(2026, 3, 6, 19, 0))
        reminders.plan_periodic()
        assert Reminder.objects.filter(key__startswith=f"series:{call.pk}:").exists()
        services.update_series(cast.a, call, starts_local=datetime(2026, 3, 6, 20, 0))
        reminders.plan_periodic()
        keys = set(Reminder.objects.filter(key__startswith=f"series:{call.pk}:").values_list(
            "key", flat=True
        ))  # fmt: skip
        assert keys == {f"series:{call.pk}:2026-03-06T19:00:00+00:00"}
        services.update_series(cast.a, call, kind="together")  # no longer a call
        assert not Reminder.objects.filter(key__startswith=f"series:{call.pk}:").exists()
        services.update_series(cast.a, call, kind="call")
        reminders.plan_periodic()
        services.delete_series(cast.a, call)
        assert not Reminder.objects.filter(key__startswith=f"series:{call.pk}:").exists()


def test_the_partners_calendar_and_feed_show_the_changed_series(cast):
    series = _friday(cast)
    services.update_series(
        cast.a, series, title="Saturday is ours", rule="FREQ=WEEKLY;BYDAY=SA", minutes=90
    )
    start = datetime(2026, 3, 9, tzinfo=UTC)
    for person in (cast.a, cast.b):
        events = cal.events_for(person, start, start + timedelta(days=7))
        assert [(e.title, e.start.isoformat(), e.end.isoformat()) for e in events] == [
            ("Saturday is ours", "2026-03-14T19:00:00+01:00", "2026-03-14T20:30:00+01:00")
        ]
        feed = icalendar.Calendar.from_ical(cal.feed_for(person))
        found = {
            (str(e["summary"]), e.decoded("dtstart").isoformat())
            for e in feed.walk("VEVENT")
            if e.decoded("dtstart").date().isoformat() in ("2026-03-13", "2026-03-14")
        }
        assert found == {("Saturday is ours", "2026-03-14T18:00:00+00:00")}


# --- pages ------------------------------------------------------------------------------


def test_changing_from_the_page_with_the_form_used_to_add(cast, client_for):
    series = _friday(cast)
    ada, ben = client_for(cast.a), client_for(cast.b)
    url = reverse("dates:series_edit", args=[series.pk])
    assert f'href="{url}"' in ada.get(reverse("dates:series")).content.decode()
    assert f'href="{url}"' not in ben.get(reverse("dates:series")).content.decode()
    page = ada.get(url).content.decode()
    assert 'value="Friday is ours"' in page
    assert 'value="2026-03-06T19:00"' in page  # in Ada's own zone
    assert "As it repeats now" in page  # set up with a rule the list does not name
    response = ada.post(
        url,
        {
            "kind": "together",
            "title": "Friday, later",
            "starts": "2026-03-06T20:00",
            "repeat": "FREQ=WEEKLY;BYDAY=FR",
            "minutes": "120",
        },
    )
    assert response.status_code == 302
    series = Series.objects.get()
    assert (series.title, series.at.isoformat(), series.rule, series.minutes) == (
        "Friday, later",
        "20:00:00",
        "FREQ=WEEKLY;BYDAY=FR",
        120,
    )
    # Ben (New York) sees the new name and the new time on his list.
    listing = ben.get(reverse("dates:series")).content.decode()
    assert "Friday, later" in listing and "Friday is ours" not in listing
    assert 'datetime="2026-03-06T14:00:00-05:00"' in listing  # 20:00 in Paris
    assert ben.get(url).status_code == 404
    assert ben.post(url, {"title": "Mine"}).status_code == 404
    assert client_for(cast.outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 302
    assert Series.objects.get().title == "Friday, later"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"minutes": "0"}, "greater than or equal to 5"),
        ({"starts": "2201-01-02T19:00"}, "between the years"),
        ({"repeat": "FREQ=HOURLY"}, "Select a valid choice"),
        ({"starts": "soon"}, "Enter a valid date/time"),
    ],
)
def test_a_bad_change_shows_the_form_again_and_changes_nothing(cast, client_for, fields, words):
    series = _friday(cast)
    body = {
        "kind": "together",
        "title": "Changed",
        "starts": "2026-03-06T19:00",
        "repeat": "FREQ=WEEKLY",
        "minutes": "60",
        **fields,
    }
    response = client_for(cast.a).post(reverse("dates:series_edit", args=[series.pk]), body)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert Series.objects.get().title == "Friday is ours"


def test_bringing_back_a_skipped_time_from_the_page(cast, client_for):
    series = _friday(cast)
    services.skip_occurrence(cast.a, series, datetime(2026, 3, 13, 19, 0))
    ada = client_for(cast.a)
    page = ada.get(reverse("dates:series")).content.decode()
    assert "Bring it back" in page
    assert "Bring it back" not in client_for(cast.b).get(reverse("dates:series")).content.decode()
    url = reverse("dates:series_unskip", args=[series.pk])
    # The page posts the time as shown to Ada.
    assert client_for(cast.b).post(url, {"when": "2026-03-13T19:00:00+01:00"}).status_code == 404
    assert ada.post(url, {"when": "soon"}).status_code == 302
    assert ada.post(url, {"when": "2026-03-13T19:00:00+01:00"}).status_code == 302
    assert Series.objects.get().exceptions == []
    assert "Bring it back" not in ada.get(reverse("dates:series")).content.decode()
    # Again: it is no longer skipped, and the page says so kindly.
    response = ada.post(url, {"when": "2026-03-13T19:00:00+01:00"}, follow=True)
    assert "That time is not skipped." in response.content.decode()


# --- API ----------------------------------------------------------------------------------


def test_changing_recurring_time_in_the_api(cast, client_for):
    series = _friday(cast)
    url = f"/api/v1/series/{series.pk}"
    ada, ben = client_for(cast.a), client_for(cast.b)
    change = {
        "title": "Saturday is ours",
        "rule": "FREQ=WEEKLY;BYDAY=SA",
        "starts": "2026-03-21T19:30:00Z",
    }
    assert _json(ben, "PATCH", url, change).status_code == 404
    assert _json(client_for(cast.outsider), "PATCH", url, change).status_code == 404
    assert _json(Client(), "PATCH", url, change).status_code == 401
    response = _json(ada, "PATCH", url, change)
    assert response.status_code == 200, response.content
    made = response.json()
    assert (made["title"], made["rule"], made["starts_local"], made["minutes"]) == (
        "Saturday is ours",
        "FREQ=WEEKLY;BYDAY=SA",
        "2026-03-21T20:30",  # 19:30 UTC is 20:30 in Paris
        60,
    )
    assert made["upcoming"][1:3] == ["2026-03-28T20:30:00+01:00", "2026-04-04T20:30:00+02:00"]
    seen = ben.get("/api/v1/series").json()
    assert [(s["title"], s["starts_local"], s["from_me"]) for s in seen] == [
        ("Saturday is ours", "2026-03-21T20:30", False)
    ]
    assert _json(ada, "PATCH", url, {"minutes": 45}).json()["title"] == "Saturday is ours"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"rule": "FREQ=SOMETIMES"}, "repeat rule"),
        ({"minutes": 0}, "length"),
        ({"kind": "party"}, ""),
        ({"starts": "2026-03-07T19:30"}, "offset"),
        ({"starts": "2201-01-01T00:00:00Z"}, "years"),
        ({"starts": "0001-01-01T00:00:00+05:00"}, "years"),
    ],
)
def test_a_bad_change_in_the_api_gets_a_clear_422(cast, client_for, body, words):
    series = _friday(cast)
    response = _json(client_for(cast.a), "PATCH", f"/api/v1/series/{series.pk}", body)
    assert response.status_code == 422, response.content
    assert words in str(response.json()["detail"])
    assert Series.objects.get().rule == "FREQ=WEEKLY;BYDAY=FR"


def test_bringing_back_a_skipped_time_in_the_api(cast, client_for):
    series = _friday(cast)
    url = f"/api/v1/series/{series.pk}"
    ada = client_for(cast.a)
    skip = {"starts_at": "2026-03-13T19:00:00+01:00"}
    assert _json(ada, "POST", f"{url}/skip", skip).json()["skipped"] == ["2026-03-13T19:00:00"]
    assert _json(client_for(cast.b), "POST", f"{url}/unskip", skip).status_code == 404
    assert _json(Client(), "POST", f"{url}/unskip", skip).status_code == 401
    # A value exactly as listed in "skipped" (local time in the series' zone) works too.
    response = _json(ada, "POST", f"{url}/unskip", {"starts_at": "2026-03-13T19:00:00"})
    assert response.status_code == 200, response.content
    assert response.json()["skipped"] == []
    assert "2026-03-13T19:00:00+01:00" in response.json()["upcoming"]
    again = _json(ada, "POST", f"{url}/unskip", skip)
    assert again.status_code == 409
    assert "not skipped" in again.json()["detail"]
    odd = _json(ada, "POST", f"{url}/unskip", {"starts_at": "2026-03-14T19:00:00+01:00"})
    assert odd.status_code == 422
