"""The progress page: weekly trends, the couple view, milestones, the look back, and a query
count that does not grow with a person's history."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer import crypto
from nearer.checkins.models import CheckIn, Meeting
from nearer.checkins.services import check_in
from nearer.notes.models import Appreciation, Note
from nearer.plans import services as plans
from nearer.plans.models import Enrollment, StepLog
from nearer.progress import milestones, page
from nearer.progress.models import Csi4Result
from nearer.progress.series import SERIES, week_starts
from nearer.talks.models import Talk
from nearer.talks.services import log_talk
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)  # a Wednesday
SERIES_BY_KEY = {s.key: s for s in SERIES}


def chart(progress, slug):
    return next(c for c in progress.charts if c.slug == slug)


def last_row(progress, slug):
    return chart(progress, slug).rows[-1][1]


@time_machine.travel(NOW, tick=False)
def test_weekly_series_count_this_weeks_records(cast):
    check_in(cast.a, 3, 4)
    log_talk(cast.a, 15, 4)
    log_talk(cast.b, 15, 4)  # held together, logged by B and shared
    mine = page.progress_for(cast.a)
    assert last_row(mine, "connection") == "4"
    assert last_row(mine, "talks") == "2"
    assert chart(mine, "steps").empty


@time_machine.travel(NOW, tick=False)
def test_weeks_follow_the_persons_own_time_zone(cast):
    # Sunday 23:30 UTC is already Monday in Paris (Ada), so it is in Ada's new week.
    sunday_night = datetime(2026, 5, 31, 23, 30, tzinfo=UTC)
    talk = log_talk(cast.a, 15, 3)
    Talk.objects.filter(pk=talk.pk).update(happened_at=sunday_night)
    weeks = week_starts(date(2026, 6, 3), 2)
    found = SERIES_BY_KEY["talks"].weekly(cast.a, None, False, weeks)
    assert found == {date(2026, 6, 1): 1}


@time_machine.travel(NOW, tick=False)
def test_the_couple_view_shows_only_what_was_shared(cast, client_for):
    check_in(cast.a, 2, 1, "private")
    check_in(cast.b, 4, 5, share=True)
    together = page.progress_for(cast.a, together=True)
    assert last_row(together, "connection") == "5"  # only B's shared check-in
    assert "steps" not in {c.slug for c in together.charts}  # plans are private
    assert together.suggestions == [] and together.look_back is None
    html = client_for(cast.a).get(reverse("progress:index") + "?view=together").content.decode()
    assert "Plan steps done" not in html


def test_someone_alone_has_no_couple_view(cast, client_for):
    progress = page.progress_for(cast.solo, together=True)
    assert not progress.together and not progress.linked
    html = client_for(cast.solo).get(reverse("progress:index")).content.decode()
    assert "Both of us" not in html


def test_the_tenth_talk_is_celebrated_and_the_ninth_is_not(cast):
    for _ in range(9):
        log_talk(cast.a, 15, 4)
    assert not milestones.reached(cast.b)
    log_talk(cast.b, 15, 4)
    assert [m.key for m in milestones.reached(cast.a)] == ["talks-10"]
    assert [m.key for m in milestones.reached(cast.b, together=True)] == ["talks-10"]


def test_the_couple_view_counts_only_shared_talks(cast):
    from nearer.visibility import Visibility

    for _ in range(10):
        log_talk(cast.a, 15, 4)
    Talk.objects.filter(pk=Talk.objects.first().pk).update(visibility=Visibility.PRIVATE)
    assert milestones.talks_held(cast.a) == 10
    assert milestones.talks_held(cast.a, together=True) == 9
    assert milestones.talks_held(cast.b, together=True) == 9
    assert not milestones.reached(cast.a, together=True)


def add_meeting(user, when):
    meeting = Meeting(week=when.date())
    meeting.attach(user, Visibility.SHARED)
    meeting.content = {"went_well": "ok"}
    meeting.created_at = when
    meeting.save()


def test_three_months_of_meetings_even_with_gaps_between(cast):
    start = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
    for week in range(12):
        add_meeting(cast.a, start + timedelta(weeks=week * 2))  # every other week: gaps
    add_meeting(cast.b, start + timedelta(weeks=22, days=1))  # the same week as one above
    assert milestones.meeting_weeks(cast.a) == 12
    assert "meetings-3-months" not in {m.key for m in milestones.reached(cast.a)}
    add_meeting(cast.b, start + timedelta(weeks=40))
    assert "meetings-3-months" in {m.key for m in milestones.reached(cast.a)}


@time_machine.travel(NOW, tick=False)
def test_a_finished_plan_is_celebrated_privately_with_a_look_back(cast, client_for):
    plans.enroll(cast.a, ["many_years"])
    enrollment = plans.current_enrollment(cast.a)
    started = plans.local_today(cast.a) - timedelta(days=42)
    Enrollment.objects.filter(pk=enrollment.pk).update(started_on=started)
    first, last = started + timedelta(days=1), started + timedelta(days=40)
    for day, connection_score in ((first, 2), (first + timedelta(days=1), 3), (last, 4)):
        CheckIn.objects.create(author=cast.a, day=day, mood=3, connection=connection_score)
    StepLog.objects.create(enrollment=enrollment, step="many_years:x", status="done", day=3)
    before = Csi4Result(user=cast.a, taken_at=NOW - timedelta(days=50))
    before.answers = {"happiness": 2, "warm": 2, "rewarding": 2, "satisfied": 2}
    before.save()
    after = Csi4Result(user=cast.a, taken_at=NOW - timedelta(days=2))
    after.answers = {"happiness": 4, "warm": 3, "rewarding": 3, "satisfied": 3}
    after.save()
    look = page.progress_for(cast.a).look_back
    assert (look.steps_done, look.connection_start, look.connection_end) == (1, 2.5, 4.0)
    assert (look.csi_before, look.csi_latest) == (8, 13)
    assert "plan-finished" in {m.key for m in milestones.reached(cast.a)}
    html = client_for(cast.a).get(reverse("progress:index")).content.decode()
    assert "Your six weeks, looking back" in html and "Choose your next season" in html
    partner = client_for(cast.b)
    assert "looking back" not in partner.get(reverse("progress:index")).content.decode()
    together = partner.get(reverse("progress:index") + "?view=together").content.decode()
    assert "six weeks" not in together


def test_a_plan_still_under_way_has_no_look_back(cast):
    plans.enroll(cast.a, ["many_years"])
    assert page.progress_for(cast.a).look_back is None
    assert "plan-finished" not in {m.key for m in milestones.reached(cast.a)}


def a_year_of_data(a, b, first_day: date):
    """A year of everything, for both partners, from ``first_day``."""
    couple = plans.state_of(a).couple
    days = [first_day + timedelta(days=n) for n in range(365)]
    at = [datetime.combine(d, time(19), tzinfo=UTC) for d in days]
    enrollment = Enrollment.objects.create(
        user=a, situations=["general"], started_on=first_day, ended_at=at[-1]
    )
    shared = {"couple": couple, "visibility": Visibility.SHARED}
    token = crypto.encrypt(a, "x")
    CheckIn.objects.bulk_create(
        CheckIn(author=person, day=d, mood=3, connection=1 + n % 5, **shared)
        for person in (a, b)
        for n, d in enumerate(days)
    )
    Talk.objects.bulk_create(
        Talk(author=a, happened_at=t, minutes=15, feeling=4, **shared) for t in at[::3]
    )
    Note.objects.bulk_create(
        Note(
            author=a,
            recipient=b,
            deliver_at=t,
            delivered_at=t,
            created_at=t,
            text_encrypted=token,
            **shared,
        )
        for t in at[::4]
    )
    Appreciation.objects.bulk_create(
        Appreciation(author=a, created_at=t, text_encrypted=token, **shared) for t in at[::5]
    )
    Meeting.objects.bulk_create(
        Meeting(author=a, week=d, created_at=t, content_encrypted=token, **shared)
        for d, t in zip(days[::7], at[::7], strict=True)
    )
    StepLog.objects.bulk_create(
        StepLog(
            enrollment=enrollment,
            step=f"general:{n}",
            step_digest=StepLog.digest(a, f"general:{n}"),
            status="done",
            day=n % 42,
        )
        for n in range(300)
    )
    for t in at[::31]:
        result = Csi4Result(user=a, taken_at=t)
        result.answers = {"happiness": 3, "warm": 3, "rewarding": 3, "satisfied": 3}
        result.save()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@time_machine.travel(NOW, tick=False)
def test_query_count_does_not_grow_with_a_year_of_data(cast, client_for):
    from nearer.progress.services import set_share_csi_trend

    set_share_csi_trend(cast.a, True)
    a, b = client_for(cast.a), client_for(cast.b)
    urls = (reverse("progress:index"), reverse("progress:index") + "?view=together")
    a_year_of_data(cast.a, cast.b, date(2025, 6, 1))
    one_year = [queries_for(client, url) for client in (a, b) for url in urls]
    a_year_of_data(cast.a, cast.b, date(2024, 6, 1))
    two_years = [queries_for(client, url) for client in (a, b) for url in urls]
    assert one_year == two_years
    assert max(one_year) <= 40
    html = a.get(urls[0]).content.decode()
    assert "talks held together" in html  # the data really is there


@time_machine.travel(NOW, tick=False)
def test_charts_in_spanish_keep_svg_coordinates_and_name_weeks_day_first(cast, client_for):
    check_in(cast.a, 3, 4)
    type(cast.a).objects.filter(pk=cast.a.pk).update(language="es")
    html = client_for(cast.a).get(reverse("progress:index")).content.decode()
    svg = re.search(r'<svg class="chart-svg".*?</svg>', html, re.S).group(0)
    # A decimal comma ("45,5") would put every label at x=0.
    assert not re.search(r'(?:x|y|cx|cy|width|height)="-?\d+,\d', svg)
    assert re.search(r'<text class="chart-tick" x="\d+\.\d+"', svg)
    assert "1 jun" in html.lower()  # the week of Monday 1 June, day first
