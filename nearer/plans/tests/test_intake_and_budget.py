"""Onboarding asks only what it uses (role questions only for the seasons ticked), and the
time budget that load_library enforces for every person in every combination of plans."""

import re
import shutil

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from nearer.library.models import Item
from nearer.plans import services
from nearer.plans.definitions import (
    DAILY_BUDGET,
    DAYS,
    PRIORITY,
    TOTAL_DAYS,
    WEEKLY_BUDGET,
    WEEKS,
    all_plans,
)
from nearer.plans.models import Intake

pytestmark = pytest.mark.django_db

BETRAYAL_Q = "After a betrayal: which is closer to your side of it?"
RECOVERY_Q = "Recovery: which is closer to your side of it?"


def test_onboarding_asks_no_role_question_until_a_season_is_ticked(cast, client_for):
    html = client_for(cast.a).get(reverse("plans:start")).content.decode()
    assert BETRAYAL_Q not in html and RECOVERY_Q not in html
    for unused in ("How long have you been together?", "Children", "partner's time zone"):
        assert unused not in html
    assert "Which of those can we see together?" in html and "We live apart" in html


def test_ticking_a_season_asks_its_role_question_once_before_saving(cast, client_for):
    a = client_for(cast.a)
    response = a.post(
        reverse("plans:start"), {"situations": ["after_betrayal", "general"], "minutes_per_day": 10}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert BETRAYAL_Q in html and RECOVERY_Q not in html
    assert 'name="asked" value="after_betrayal"' in html
    assert not Intake.objects.filter(user=cast.a).exists()  # nothing saved yet, nothing lost
    # What they ticked is still ticked: nothing to fill in again.
    assert re.search(r'<input[^>]*name="situations" value="general"[^>]*checked', html)
    response = a.post(
        reverse("plans:start"),
        {
            "situations": ["after_betrayal", "general"],
            "minutes_per_day": 10,
            "asked": "after_betrayal",
            "betrayal_role": "hurt",
        },
    )
    assert response.status_code == 302
    intake = Intake.objects.get(user=cast.a)
    assert intake.roles == {"after_betrayal": "hurt"}


def test_a_role_can_be_left_unsaid(cast, client_for):
    response = client_for(cast.a).post(
        reverse("plans:start"),
        {"situations": ["recovery"], "minutes_per_day": 5, "asked": "recovery"},
    )
    assert response.status_code == 302
    assert Intake.objects.get(user=cast.a).roles == {}


def test_a_role_for_a_season_not_ticked_is_never_kept(cast, client_for):
    client_for(cast.a).post(
        reverse("plans:start"),
        {"situations": ["general"], "minutes_per_day": 10, "recovery_role": "in_recovery"},
    )
    assert Intake.objects.get(user=cast.a).roles == {}


def test_changing_the_plan_shows_the_role_question_for_seasons_already_chosen(cast, client_for):
    services.save_intake(cast.a, {"situations": ["recovery"]}, {"recovery": "supporting"})
    html = client_for(cast.a).get(reverse("plans:start")).content.decode()
    assert RECOVERY_Q in html and BETRAYAL_Q not in html


def test_shared_choices_are_saved_and_bad_input_gets_a_message(cast, client_for):
    a = client_for(cast.a)
    a.post(
        reverse("plans:start"),
        {"situations": ["long_distance"], "shared_situations": ["long_distance"],
         "lives": ["child_free"], "living_apart": "on", "minutes_per_day": 10},
    )  # fmt: skip
    intake = Intake.objects.get(user=cast.a)
    assert intake.shared_situations == ["long_distance"]
    assert intake.lives == ["child_free"] and intake.living_apart
    response = a.post(reverse("plans:start"), {"situations": ["nonsense"], "minutes_per_day": 10})
    assert response.status_code == 200 and "is not one of the available choices" in (
        response.content.decode()
    )


# --- the time budget ---------------------------------------------------------------------


def test_every_person_in_every_combination_stays_within_the_budget():
    """Walks the real Today rule (services.steps_for_day) rather than the loader's copy: a
    person's whole week, daily steps plus weekly steps, is at most 60 minutes, no day's steps
    take more than 15 and no weekly step (one sitting) more than 15."""
    from itertools import combinations, product

    plans = all_plans()
    order = [s for s in PRIORITY if s in plans]
    longest_week = longest_day = longest_weekly = 0
    for size in range(1, len(order) + 1):
        for sits in combinations(order, size):
            options = [[None, *plans[s].roles] if plans[s].roles else [None] for s in sits]
            people = [(False, {})] + [
                (True, {s: r for s, r in zip(sits, roles, strict=True) if r})
                for roles in product(*options)
            ]
            for linked, roles in people:
                for week in range(WEEKS):
                    total = 0
                    for day in range(DAYS):
                        index = week * DAYS + day
                        daily, weekly = services.steps_for_day(list(sits), index, linked, roles)
                        minutes = sum(p.step.minutes for p in daily)
                        longest_day = max(longest_day, minutes)
                        total += minutes
                    # The weekly steps are the same every day of the week: counted once.
                    total += sum(p.step.minutes for p in weekly)
                    longest_week = max(longest_week, total)
                    longest_weekly = max([longest_weekly] + [p.step.minutes for p in weekly])
    assert index == TOTAL_DAYS - 1
    assert longest_week <= WEEKLY_BUDGET == 60
    assert longest_day <= DAILY_BUDGET == 15
    assert longest_weekly <= DAILY_BUDGET


def broken_copy(tmp_path, change):
    root = tmp_path / "content"
    shutil.copytree(settings.NEARER_CONTENT_DIR, root)
    path = root / "plans" / "after_betrayal.yaml"
    plan = yaml.safe_load(path.read_text())
    change(plan)
    path.write_text(yaml.safe_dump(plan, allow_unicode=True))
    return root


def test_a_plan_with_too_long_a_day_fails_to_load_naming_the_day(tmp_path):
    def long_day(plan):
        for step in plan["weeks"][1]["days"][3]["steps"]:  # week 2, day 4
            if step["for"] in ("both", "hurt"):
                step["minutes"] = 10

    root = broken_copy(tmp_path, long_day)
    with pytest.raises(CommandError) as error:
        call_command("load_library", path=root)
    assert "week 2 day 4" in str(error.value) and "at most 15 a day" in str(error.value)
    assert "after_betrayal" in str(error.value)
    assert not Item.objects.exists()  # nothing loaded at all


def test_a_plan_with_too_long_a_week_fails_to_load_naming_the_week(tmp_path):
    def long_week(plan):
        for day in plan["weeks"][4]["days"]:  # week 5
            for step in day["steps"]:
                if step["for"] == "solo":
                    step["minutes"] = 10

    root = broken_copy(tmp_path, long_week)
    with pytest.raises(CommandError) as error:
        call_command("load_library", path=root)
    message = str(error.value)
    assert (
        "plan after_betrayal, someone on their own: week 5 takes 85 minutes "
        "(70 in daily steps, 15 in weekly steps); at most 60 a week"
    ) in message


def solo_week(total):
    """Week 2 of after_betrayal, for someone on their own: a 15-minute weekly step and seven
    daily steps (none over 15) that add up with it to ``total`` minutes."""

    def change(plan):
        week = plan["weeks"][1]
        for step in week["weekly"]:
            if step["for"] == "solo":
                step["minutes"] = 15
        for number, day in enumerate(week["days"]):
            for step in day["steps"]:
                if step["for"] == "solo":
                    step["minutes"] = 6 + (total - 57 if number == 0 else 0)

    return change


def test_daily_and_weekly_steps_count_together_against_the_week(tmp_path):
    # 60 minutes, daily and weekly together, is the promise: it loads.
    from nearer.plans.definitions import read_plans

    at_most = broken_copy(tmp_path / "sixty", solo_week(60))
    assert "after_betrayal" in read_plans(at_most)
    # One minute more fails, though neither the daily steps (46) nor the weekly step (15)
    # would be too long on their own.
    root = broken_copy(tmp_path / "sixty-one", solo_week(61))
    with pytest.raises(CommandError) as error:
        call_command("load_library", path=root)
    assert (
        "plan after_betrayal, someone on their own: week 2 takes 61 minutes "
        "(46 in daily steps, 15 in weekly steps); at most 60 a week"
    ) in str(error.value)
    assert not Item.objects.exists()


def test_a_weekly_step_longer_than_one_sitting_fails_to_load(tmp_path):
    def long_weekly(plan):
        for step in plan["weeks"][2]["weekly"]:  # week 3
            if step["for"] == "hurt":
                step["minutes"] = 16

    root = broken_copy(tmp_path, long_weekly)
    with pytest.raises(CommandError) as error:
        call_command("load_library", path=root)
    message = str(error.value)
    assert (
        "plan after_betrayal, the partner who is 'hurt' (after_betrayal): week 3's weekly step "
        "w3-weekly-hurt (after_betrayal) takes 16 minutes; at most 15 in one sitting"
    ) in message
    # Only the person who gets that step is named: someone alone never sees it.
    assert "someone on their own: week 3's weekly step" not in message


def broken_track(tmp_path, change):
    root = tmp_path / "content"
    shutil.copytree(settings.NEARER_CONTENT_DIR, root)
    path = root / "safety" / "individual_steps.yaml"
    track = yaml.safe_load(path.read_text())
    change(track)
    path.write_text(yaml.safe_dump(track, allow_unicode=True))
    return root


def test_the_individual_safety_track_keeps_the_same_budget(tmp_path):
    from nearer.safety.track import individual_track

    track = individual_track()
    for week in range(WEEKS):
        days = [track.for_day(week * DAYS + day)[0].minutes for day in range(DAYS)]
        weekly = track.for_day(week * DAYS)[1].minutes
        assert max(days) <= DAILY_BUDGET and weekly <= DAILY_BUDGET
        assert sum(days) + weekly <= WEEKLY_BUDGET

    def long_weekly(track):
        track["weekly"][0]["minutes"] = 16

    with pytest.raises(CommandError) as error:
        call_command("load_library", path=broken_track(tmp_path / "a", long_weekly))
    assert "week 1's weekly step care-plan takes 16 minutes; at most 15 in one sitting" in str(
        error.value
    )

    def long_days(track):  # 7 x 7 daily minutes + a 12-minute weekly step: 61
        for step in track["daily"]:
            step["minutes"] = 7
        track["weekly"][0]["minutes"] = 12

    with pytest.raises(CommandError) as error:
        call_command("load_library", path=broken_track(tmp_path / "b", long_days))
    assert (
        "week 1 takes 61 minutes (49 in daily steps, 12 in weekly steps); at most 60 a week"
    ) in str(error.value)


def test_the_real_content_loads(capsys):
    call_command("load_library")
    assert "Plans checked: 6" in capsys.readouterr().out
