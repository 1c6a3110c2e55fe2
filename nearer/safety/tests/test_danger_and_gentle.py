"""What the person whose safety check signals danger sees (and what returns after a later
calm check), and gentle mode: private, honoured on every shared surface, told to nobody."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from nearer import person
from nearer.couples.shared import context_for, draw
from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.plans import services as plans
from nearer.plans.definitions import TOTAL_DAYS, all_plans
from nearer.questions import services as questions
from nearer.safety import services
from nearer.safety.models import GentleMode
from nearer.talks import services as talks

pytestmark = pytest.mark.django_db

DANGER = {"afraid": "yes", "control": "no", "harm": "no", "unsafe_home": "no"}
CALM = {"afraid": "no", "control": "no", "harm": "no", "unsafe_home": "no"}


@pytest.fixture(autouse=True)
def library():
    load_library(settings.NEARER_CONTENT_DIR)


def today_html(client):
    response = client.get(reverse("today"))
    assert response.status_code == 200
    return response.content.decode()


def fresh(*users):
    person.forget(*users)


@time_machine.travel("2026-06-01 12:00Z", tick=False)
def test_linked_persons_today_before_and_after_danger_and_after_a_calm_check(cast, client_for):
    plans.enroll(cast.a, ["many_years"])
    services.record(cast.a, CALM)
    a = client_for(cast.a)
    before = today_html(a)
    assert "Support for you first" not in before
    assert "Question of the day" in before
    assert "The 15-minute talk" in before and "Write a note" in before
    joint = {p.step.audience for p in plans.today_for(cast.a).daily}
    assert "both" in joint

    a.post(reverse("safety:check"), DANGER)
    fresh(cast.a)
    after = today_html(a)
    assert "Support for you first" in after
    assert "findahelpline.com" in after  # Paris: no French line listed, so the whole list
    assert reverse("safety") in after and "change it any time" in after
    assert "Question of the day" not in after
    assert "Write a note" not in after and "The 15-minute talk" not in after
    assert "Invite your partner" not in after
    assert "A private check-in" not in after
    today = plans.today_for(cast.a)
    assert {p.step.audience for p in today.daily + today.weekly} == {"solo"}

    a.post(reverse("safety:check"), CALM)
    fresh(cast.a)
    restored = today_html(a)
    assert "Support for you first" not in restored
    assert "Question of the day" in restored and "Write a note" in restored


def test_solo_persons_today_drops_every_invitation_nudge(cast, client_for):
    from nearer.couples.services import create_invite

    plans.enroll(cast.solo, ["general"])
    create_invite(cast.solo)
    client = client_for(cast.solo)
    assert "See your invitation" in today_html(client)
    services.record(cast.solo, DANGER)
    fresh(cast.solo)
    html = today_html(client)
    assert "Support for you first" in html
    for nudge in ("Invite your partner", "See your invitation", "invite your partner"):
        assert nudge not in html
    # Hotlines for the person's own country come first (Auckland: none listed, so all).
    assert "findahelpline.com" in html


def test_hotlines_for_the_persons_country_come_first(cast):
    cast.a.time_zone = "America/Chicago"
    listed = services.resources_for(cast.a)
    assert listed[0]["country"] == "United States"
    assert all(r.get("code") in (None, "US") for r in listed)
    cast.a.time_zone = "Europe/London"
    assert services.resources_for(cast.a)[0]["country"] == "United Kingdom"


@pytest.mark.parametrize("situation", ["general", "many_years", "new_parents", "long_distance",
                                       "after_betrayal", "recovery"])  # fmt: skip
def test_danger_gives_individual_steps_every_day_of_every_plan(cast, situation):
    plans.enroll(cast.a, [situation])
    services.record(cast.a, DANGER)
    vulnerable = services.vulnerable_items()
    enrollment = plans.current_enrollment(cast.a)
    for day in range(TOTAL_DAYS):
        enrollment.started_on = plans.local_today(cast.a) - timedelta(days=day)
        enrollment.save()
        today = plans.today_for(cast.a)
        assert today.daily and today.weekly, day
        assert {p.step.audience for p in today.daily + today.weekly} == {"solo"}
        assert not {p.step.item for p in today.daily + today.weekly} & vulnerable
    assert situation in all_plans()


def test_conflict_exercises_are_marked_vulnerable():
    vulnerable = services.vulnerable_items()
    for key in ("e-speaker-listener", "e-state-of-us-meeting", "e-solving-a-practical-problem",
                "e-unified-detachment", "e-honest-talk-about-the-distance"):  # fmt: skip
        assert key in vulnerable


# --- gentle mode -------------------------------------------------------------------------


@pytest.fixture
def many_tender():
    """Questions are tagged tender by their writers; so that these tests do not depend on how
    many are, every third question, card and starter is tender here as well."""
    for n, item in enumerate(Item.objects.filter(kind__in=["question", "note"]).order_by("key")):
        if n % 3 == 0 and " tender " not in item.tags:
            item.tags += "tender "
            item.save(update_fields=["tags"])


def test_gentle_mode_is_switched_in_settings_and_registered(cast, client_for):
    from nearer import registry

    a = client_for(cast.a)
    page = a.get(reverse("accounts:settings")).content.decode()
    assert "Keep our shared questions gentle for now" in page
    a.post(reverse("safety:gentle"), {"on": "on"})
    assert GentleMode.objects.owned_by(cast.a).get().on
    assert registry.entry_for(GentleMode).rule == registry.Rule.OWNER_ONLY
    a.post(reverse("safety:gentle"), {})
    assert not GentleMode.objects.owned_by(cast.a).get().on


def test_nothing_tells_the_partner_and_both_views_are_gentle(cast, client_for, many_tender):
    b = client_for(cast.b)
    settings_before = b.get(reverse("accounts:settings")).content.decode()
    client_for(cast.a).post(reverse("safety:gentle"), {"on": "on"})
    fresh(cast.a, cast.b)
    assert context_for(cast.b).gentle and context_for(cast.a).gentle
    settings_after = b.get(reverse("accounts:settings")).content.decode()
    assert "On: what you both see stays gentle" not in settings_after
    assert settings_after.count("gentle") == settings_before.count("gentle")
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(120):
        with time_machine.travel(start + timedelta(days=day)):
            fresh(cast.a, cast.b)
            mine, theirs = questions.question_for(cast.a), questions.question_for(cast.b)
            assert mine == theirs
            assert " tender " not in mine.item.tags
            card = talks.card(cast.b)
            assert " tender " not in card.tags
            for starter in draw(cast.b, "starters", Item.objects.current().filter(kind="note"), 3):
                assert " tender " not in starter.tags


def test_without_gentle_mode_tender_items_do_appear(cast, many_tender):
    """The rule above can fail: tender items are part of an ordinary couple's year."""
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    tender = cards = 0
    for day in range(60):
        with time_machine.travel(start + timedelta(days=day)):
            tender += " tender " in questions.question_for(cast.a).item.tags
            cards += " tender " in talks.card(cast.a).tags
    assert tender > 0 and cards > 0


def test_seasons_with_private_roles_turn_gentle_mode_on_until_the_person_chooses(cast):
    plans.save_intake(cast.a, {"situations": ["after_betrayal"]}, {"after_betrayal": "was_hurt"})
    fresh(cast.a)
    assert services.gentle(cast.a)
    plans.save_intake(cast.a, {"situations": ["general"]}, {})
    fresh(cast.a)
    assert not services.gentle(cast.a)  # the default leaves with the season
    plans.save_intake(cast.a, {"situations": ["recovery"]}, {"recovery": "supporting"})
    fresh(cast.a)
    assert services.gentle(cast.a)
    services.set_gentle(cast.a, False)  # their own choice stands
    plans.save_intake(cast.a, {"situations": ["recovery", "after_betrayal"]}, {})
    fresh(cast.a)
    assert not services.gentle(cast.a)
