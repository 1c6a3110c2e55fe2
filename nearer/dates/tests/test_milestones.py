"""Plan milestones on the calendar: the start of each week and the end of the six weeks, as
all-day events for the person whose plan it is. A plan is private (like the intake), so the
partner never sees them: not on the page, in the API or in their feed."""

from datetime import UTC, date, datetime

import icalendar
import pytest
import time_machine
from django.urls import reverse

from nearer.dates import calendar as cal
from nearer.plans import services as plans

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday 2 March, 10:00 in Paris


@pytest.fixture(autouse=True)
def _fixed_now():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def plan(cast):
    return plans.enroll(cast.a, ["general"])


def _summaries(client, user) -> dict:
    token = cal.regenerate_feed(user).token
    ics = client.get(reverse("dates:feed", kwargs={"token": token})).content
    return {
        str(e["summary"]): e.decoded("dtstart")
        for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
    }


def test_each_week_and_the_end_of_the_six_weeks_are_on_the_owners_calendar(cast, plan):
    events = cal.events_for(cast.a, NOW, datetime(2026, 5, 1, tzinfo=UTC))
    milestones = [(e.start, e.title) for e in events if e.kind == "plan"]
    assert milestones == [
        (date(2026, 3, 2), "Your plan begins"),
        (date(2026, 3, 9), "Week 2 of your plan"),
        (date(2026, 3, 16), "Week 3 of your plan"),
        (date(2026, 3, 23), "Week 4 of your plan"),
        (date(2026, 3, 30), "Week 5 of your plan"),
        (date(2026, 4, 6), "Week 6 of your plan"),
        (date(2026, 4, 12), "Your six weeks end"),
    ]
    assert all(e.all_day and e.mine for e in events if e.kind == "plan")


def test_the_partner_never_sees_anothers_plan_milestones(cast, client_for, client, plan):
    start = "2026-03-01T00:00:00Z"
    a_events = client_for(cast.a).get(f"/api/v1/calendar?start={start}&days=60").json()
    b_events = client_for(cast.b).get(f"/api/v1/calendar?start={start}&days=60").json()
    assert sum(e["kind"] == "plan" for e in a_events) == 7
    assert not any(e["kind"] == "plan" for e in b_events)
    page_a = client_for(cast.a).get("/calendar/?month=2026-03").content.decode()
    page_b = client_for(cast.b).get("/calendar/?month=2026-03").content.decode()
    assert "Week 2 of your plan" in page_a and "plan" not in page_b.split("<main")[-1].lower()
    assert _summaries(client, cast.a)["Week 2 of your plan"] == date(2026, 3, 9)
    b_feed = _summaries(client, cast.b)
    assert not any("plan" in title.lower() for title in b_feed)
    # B's own plan is B's alone, too.
    plans.enroll(cast.b, ["general"])
    a_again = client_for(cast.a).get(f"/api/v1/calendar?start={start}&days=60").json()
    assert sum(e["kind"] == "plan" for e in a_again) == 7


def test_milestones_wait_while_the_plan_is_paused(cast, plan):
    with time_machine.travel(datetime(2026, 3, 5, 9, 0, tzinfo=UTC), tick=False):
        plans.pause(cast.a)
    with time_machine.travel(datetime(2026, 3, 8, 9, 0, tzinfo=UTC), tick=False):
        days = [day for day, _key, _title in cal.plan_milestones(cast.a)]
        assert days[1] == date(2026, 3, 12)  # three days paused so far: week 2 moves on
        plans.resume(cast.a)
        assert cal.plan_milestones(cast.a)[1][0] == date(2026, 3, 12)


def test_an_ended_plan_leaves_the_calendar(cast, plan):
    from django.utils import timezone

    plan.ended_at = timezone.now()
    plan.save()
    assert cal.plan_milestones(cast.a) == []


def test_neutral_titles_cover_milestones_in_the_feed(cast, client, plan):
    cal.set_titles_choice(cast.a, "neutral")
    titles = _summaries(client, cast.a)
    assert set(titles) == {"Time together"}
