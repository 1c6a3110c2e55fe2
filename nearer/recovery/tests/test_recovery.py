"""Recovery together: counters from a chosen date, warm milestones, setbacks that touch
only the chosen counter with no shaming words, the session log, medical safety."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from nearer import registry
from nearer.recovery import services
from nearer.recovery.models import Counter, Session

pytestmark = pytest.mark.django_db

SHAMING = ("fail", "relapse", "streak", "broke", "lost", "ruin", "shame", "again?")


@time_machine.travel("2026-03-10 12:00Z", tick=False)
def test_counter_counts_days_in_the_persons_zone_and_is_encrypted(cast, client_for):
    client_for(cast.a).post(
        reverse("recovery:index"), {"label": "Days of looking after me", "since": "2026-03-01"}
    )
    counter = Counter.objects.get()
    assert counter.visibility == "private"
    with connection.cursor() as cursor:
        cursor.execute("SELECT label_encrypted, since_encrypted FROM recovery_counter")
        raw = b"".join(bytes(col) for col in cursor.fetchone())
    assert b"looking" not in raw and b"2026-03-01" not in raw
    [shown] = services.counters_for(cast.a)
    assert shown.days == 9
    assert services.counters_for(cast.b) == []
    page = client_for(cast.a).get(reverse("recovery:index")).content.decode()
    assert "9 days" in page and reverse("recovery:medical") in page


@time_machine.travel("2026-03-10 12:00Z", tick=False)
def test_future_dates_get_a_clear_message(cast, client_for):
    response = client_for(cast.a).post(
        reverse("recovery:index"), {"label": "keep this label", "since": "2026-04-01"}
    )
    assert response.status_code == 200 and response.context["form"].errors["since"]
    assert "keep this label" in response.content.decode()


@pytest.mark.parametrize(
    ("days", "milestone"), [(0, None), (1, 1), (7, 7), (9, 7), (13, 7), (14, 14), (29, None)]
)
def test_milestones_are_celebrated_the_week_after(days, milestone):
    found = services.milestone_for(days)
    assert (found.days if found else None) == milestone
    if found:
        assert str(found.days) in found.message and found.idea


@time_machine.travel("2026-03-10 12:00Z", tick=False)
def test_milestone_shows_a_warm_message_and_a_celebration(cast, client_for):
    services.start_counter(cast.a, "calm days", date(2026, 3, 3))
    page = client_for(cast.a).get(reverse("recovery:index")).content.decode()
    assert "7 days. That is something to be proud of" in page
    assert "A small way to celebrate" in page


@time_machine.travel("2026-03-10 12:00Z", tick=False)
def test_starting_again_changes_only_the_chosen_counter_without_shaming(cast, client_for):
    first = services.start_counter(cast.a, "first counter", date(2026, 1, 1))
    second = services.start_counter(cast.a, "second counter", date(2026, 2, 1))
    response = client_for(cast.a).post(
        reverse("recovery:start_again", kwargs={"pk": first.pk}),
        {"since": "2026-03-10"},
        follow=True,
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.since_iso == "2026-03-10" and second.since_iso == "2026-02-01"
    page = response.content.decode().lower()
    assert "the days before still happened" in page
    for word in SHAMING:
        assert word not in page, word


def test_partner_sees_a_shared_counter_and_cannot_reset_it(cast, client_for):
    counter = services.start_counter(cast.a, "shared days", date(2026, 1, 1), share=True)
    assert "shared days" in client_for(cast.b).get(reverse("recovery:index")).content.decode()
    response = client_for(cast.b).post(
        reverse("recovery:start_again", kwargs={"pk": counter.pk}), {"since": "2026-01-02"}
    )
    assert response.status_code == 404
    client_for(cast.a).post(reverse("recovery:counter_share", kwargs={"pk": counter.pk}))
    assert "shared days" not in client_for(cast.b).get(reverse("recovery:index")).content.decode()


def test_both_partners_log_sessions(cast, client_for):
    today = services.local_today(cast.b).isoformat()
    client_for(cast.b).post(
        reverse("recovery:sessions"),
        {"kind": "group", "day": today, "note": "went with a friend", "share": "on"},
    )
    services.log_session(cast.a, "counselling", date(2026, 1, 5), "private words")
    assert Session.objects.count() == 2
    page_a = client_for(cast.a).get(reverse("recovery:sessions")).content.decode()
    assert "went with a friend" in page_a and "private words" in page_a
    page_b = client_for(cast.b).get(reverse("recovery:sessions")).content.decode()
    assert "private words" not in page_b
    bad = client_for(cast.a).post(
        reverse("recovery:sessions"), {"kind": "party", "day": "soon", "note": "keep"}
    )
    assert bad.status_code == 200 and "keep" in bad.content.decode()


def test_medical_safety_is_one_tap_away_and_open_to_everyone(client, cast, client_for):
    assert client.get(reverse("recovery:medical")).status_code == 200
    for name in ("recovery:index", "recovery:sessions"):
        page = client_for(cast.a).get(reverse(name)).content.decode()
        assert reverse("recovery:medical") in page


def test_registered_and_exported(cast):
    assert registry.entry_for(Counter).encrypted == ("label", "since_iso")
    assert registry.entry_for(Session).encrypted == ("note",)
    counter = services.start_counter(cast.a, "days", date.today() - timedelta(days=3))
    assert counter.export_data()["counter"] == "days"
    session = services.log_session(cast.a, "group", date(2026, 1, 1), "n")
    assert session.export_data() == {
        "kind": "Support group",
        "day": "2026-01-01",
        "note": "n",
        "shared_with_partner": False,
    }
