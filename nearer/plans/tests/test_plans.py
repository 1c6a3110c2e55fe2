"""Plan content, the combined-plan rule, roles, solo, time zones, pausing, marking steps."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from nearer.library.loader import read_library
from nearer.plans import services
from nearer.plans.definitions import PRIORITY, ROLES, TOTAL_DAYS, all_plans, read_plans
from nearer.plans.models import Intake, StepLog
from nearer.testing import make_user

pytestmark = pytest.mark.django_db
SITUATIONS = PRIORITY


def test_every_situation_has_a_valid_six_week_plan_using_real_library_items():
    from pathlib import Path

    keys = {entry.key for entry in read_library(Path(settings.NEARER_CONTENT_DIR))}
    plans = read_plans(Path(settings.NEARER_CONTENT_DIR), keys)
    assert set(plans) == set(SITUATIONS)
    for plan in plans.values():
        assert len(plan.weeks) == 6 and all(len(w.days) == 7 for w in plan.weeks)


@pytest.mark.parametrize("situation", SITUATIONS)
def test_each_linked_partner_gets_a_small_step_every_day_and_a_weekly_one(situation):
    roles_to_try = ROLES.get(situation, (None,))
    for role in roles_to_try:
        roles = {situation: role} if role else {}
        for index in range(TOTAL_DAYS):
            daily, weekly = services.steps_for_day([situation], index, linked=True, roles=roles)
            assert daily and weekly, (situation, role, index)
            assert all(p.step.minutes <= 15 for p in daily)
            assert all(p.step.audience in {"both", role} for p in daily + weekly), (
                situation,
                role,
                index,
            )
            assert all(p.situation == situation for p in daily + weekly)


@pytest.mark.parametrize("situation", ["after_betrayal", "recovery"])
def test_partners_with_different_roles_get_their_own_steps(situation):
    first, second = ROLES[situation]
    differs = 0
    for index in range(TOTAL_DAYS):
        a, _ = services.steps_for_day([situation], index, True, {situation: first})
        b, _ = services.steps_for_day([situation], index, True, {situation: second})
        assert not any(p.step.audience == second for p in a)
        assert not any(p.step.audience == first for p in b)
        differs += {p.ref for p in a} != {p.ref for p in b}
    assert differs >= TOTAL_DAYS * 0.8


@pytest.mark.parametrize("situation", SITUATIONS)
def test_solo_people_get_the_solo_version(situation):
    for index in range(TOTAL_DAYS):
        daily, weekly = services.steps_for_day([situation], index, linked=False, roles={})
        assert [p.step.audience for p in daily] == ["solo"]
        assert {p.step.audience for p in weekly} == {"solo"}


def test_combined_plan_rotates_days_and_weeks_by_priority():
    chosen = ["general", "long_distance", "after_betrayal"]  # any order in
    assert services.ordered(chosen) == ["after_betrayal", "long_distance", "general"]
    days = [services.steps_for_day(chosen, i, True, {})[0][0].situation for i in range(6)]
    assert days == ["after_betrayal", "long_distance", "general"] * 2
    weeks = [services.steps_for_day(chosen, w * 7, True, {})[1][0].situation for w in range(6)]
    assert weeks == ["after_betrayal", "long_distance", "general"] * 2
    # Still one small step a day, never three plans' worth.
    for i in range(TOTAL_DAYS):
        daily, _ = services.steps_for_day(chosen, i, True, {})
        assert sum(p.step.minutes for p in daily) <= 15 * 2


def test_no_situation_means_the_general_plan():
    assert services.ordered([]) == ["general"]


def test_intake_is_private_and_encrypted_and_enrolls(client_for, cast):
    response = client_for(cast.a).post(
        reverse("plans:start"),
        {"situations": ["after_betrayal", "long_distance"], "betrayal_role": "was_hurt",
         "minutes_per_day": 10, "hopes": "to feel safe again"},
    )  # fmt: skip
    assert response.status_code == 302
    intake = Intake.objects.get(user=cast.a)
    assert intake.roles == {"after_betrayal": "was_hurt"}
    assert b"feel safe" not in bytes(intake.hopes_encrypted)
    assert intake.hopes == "to feel safe again"
    assert services.current_enrollment(cast.a).situations == ["after_betrayal", "long_distance"]
    # The partner's pages and API say nothing about it.
    b = client_for(cast.b)
    for url in (reverse("today"), reverse("plans:overview"), "/api/v1/today", "/api/v1/plan"):
        text = b.get(url).content.decode()
        assert "was_hurt" not in text and "feel safe" not in text and "after_betrayal" not in text


def test_intake_rejects_unknown_choices_without_losing_input(client_for, cast):
    response = client_for(cast.a).post(
        reverse("plans:start"),
        {"situations": ["space_travel"], "minutes_per_day": 10, "hopes": "keep me"},
    )
    assert response.status_code == 200
    assert "keep me" in response.content.decode()
    assert not Intake.objects.exists()


def test_today_follows_each_persons_own_date():
    tonga = make_user("to@example.com", "To", "Pacific/Tongatapu")  # UTC+13
    honolulu = make_user("ho@example.com", "Ho", "Pacific/Honolulu")  # UTC-10
    with time_machine.travel(datetime(2026, 3, 1, 11, 30, tzinfo=UTC)):
        # 2 March 00:30 in Tonga, 1 March 01:30 in Honolulu.
        assert services.local_today(tonga).isoformat() == "2026-03-02"
        assert services.local_today(honolulu).isoformat() == "2026-03-01"
        services.enroll(tonga, ["general"])
        services.enroll(honolulu, ["general"])
    with time_machine.travel(datetime(2026, 3, 1, 22, 30, tzinfo=UTC)):
        # Tonga has reached 2 March 11:30 (still its day 1); Honolulu 1 March 12:30 (day 1).
        assert services.today_for(tonga).index == 0
        assert services.today_for(honolulu).index == 0
    with time_machine.travel(datetime(2026, 3, 2, 11, 0, tzinfo=UTC)):
        # Tonga: 3 March 00:00, a new day. Honolulu: 2 March 01:00, a new day too.
        assert services.today_for(tonga).index == 1
        assert services.today_for(honolulu).index == 1
    with time_machine.travel(datetime(2026, 3, 2, 10, 59, tzinfo=UTC)):
        assert services.today_for(tonga).index == 0


def test_a_missed_day_simply_moves_on_and_pause_holds_the_place():
    user = make_user("p@example.com", "P")
    start = datetime(2026, 5, 1, 9, tzinfo=UTC)
    with time_machine.travel(start):
        services.enroll(user, ["general"])
    with time_machine.travel(start + timedelta(days=3)):
        assert services.today_for(user).index == 3  # nothing piles up
        assert services.pause(user)
    with time_machine.travel(start + timedelta(days=10)):
        assert services.today_for(user).index == 3
        assert services.resume(user)
        assert services.today_for(user).index == 3
    with time_machine.travel(start + timedelta(days=11)):
        assert services.today_for(user).index == 4


def test_marking_steps_and_bad_marks(client_for, cast):
    services.enroll(cast.a, ["general"])
    today = services.today_for(cast.a)
    ref = today.daily[0].ref
    client = client_for(cast.a)
    assert client.post(reverse("plans:mark"), {"step": ref, "status": "done"}).status_code == 302
    assert StepLog.objects.get().status == "done"
    assert "Done. That counts." in client.get(reverse("today")).content.decode()
    assert (
        client.post(reverse("plans:mark"), {"step": "general:nope", "status": "done"}).status_code
        == 404
    )
    assert client.post(reverse("plans:mark"), {"step": ref, "status": "weird"}).status_code == 404
    # Someone else cannot mark A's step; it is not among theirs.
    assert (
        client_for(cast.outsider)
        .post(reverse("plans:mark"), {"step": ref, "status": "done"})
        .status_code
        == 404
    )


def test_htmx_marking_returns_just_the_step(client_for, cast):
    services.enroll(cast.a, ["general"])
    ref = services.today_for(cast.a).daily[0].ref
    response = client_for(cast.a).post(
        reverse("plans:mark"), {"step": ref, "status": "later"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith("<article") and "Left for another time." in html
    assert "<h1" not in html


def test_api_today_and_mark(client_for, cast):
    client = client_for(cast.a)
    assert client.get("/api/v1/today").json()["has_plan"] is False
    services.enroll(cast.a, ["new_parents"])
    data = client.get("/api/v1/today").json()
    ref = data["steps"][0]["ref"]
    marked = client.post(
        f"/api/v1/today/steps/{ref}", {"status": "done"}, content_type="application/json"
    )
    assert marked.status_code == 200
    assert marked.json()["steps"][0]["status"] == "done"
    assert (
        client.post(
            "/api/v1/today/steps/x:y", {"status": "done"}, content_type="application/json"
        ).status_code
        == 404
    )
    weeks = client.get("/api/v1/plan").json()["weeks"]
    assert len(weeks) == 6


def test_today_query_count(client_for, cast, django_assert_max_num_queries):
    services.enroll(cast.a, ["after_betrayal", "recovery"])
    client = client_for(cast.a)
    from tests.routes import _library_key

    _library_key()
    client.get(reverse("today"))  # the day's question is picked once
    # What's new (nearer/reminders/news.py) adds three constant queries.
    with django_assert_max_num_queries(15):
        assert client.get(reverse("today")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("plans:overview")).status_code == 200


def test_every_plan_loads_in_memory():
    assert set(all_plans()) == set(SITUATIONS)


def test_longer_steps_are_offered_gently_to_people_with_little_time(client_for, cast):
    services.save_intake(cast.a, {"situations": ["general"], "minutes_per_day": 5}, {})
    today = services.today_for(cast.a)
    html = client_for(cast.a).get(reverse("today")).content.decode()
    if any(p.step.minutes > 5 for p in today.daily):
        assert "Short on time? A few minutes of it still counts." in html
    else:
        assert "Short on time?" not in html
    assert today.minutes_per_day == 5


def test_today_says_the_weekly_step_fits_any_day_in_place_of_that_days_step(client_for, cast):
    services.save_intake(cast.a, {"situations": ["general"], "minutes_per_day": 10}, {})
    today = services.today_for(cast.a)
    html = client_for(cast.a).get(reverse("today")).content.decode()
    line = "Any day this week. On that day it can take the place of the day's step."
    weekly = html.index("This week's bigger step")
    assert weekly < html.index(line) < html.index(f'id="step-{today.weekly[0].step.key}"')
    # Skipping the day's step is always there, and never held against anyone.
    client_for(cast.a).post(
        reverse("plans:mark"), {"step": today.daily[0].ref, "status": "skipped"}
    )
    assert services.today_for(cast.a).daily[0].status == "skipped"
    assert "Skipped, and that's fine." in client_for(cast.a).get(reverse("today")).content.decode()
