"""The safety check: private, encrypted, changes only this person's suggestions, and
leaves no trace anywhere the partner can reach."""

import difflib
import random
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from nearer import person
from nearer.library.loader import load_library
from nearer.plans import services as plans
from nearer.plans.definitions import TOTAL_DAYS
from nearer.safety import services
from nearer.safety.models import SafetyCheck
from tests.routes import ROUTES

pytestmark = pytest.mark.django_db

DANGER = {"afraid": "sometimes", "control": "no", "harm": "no", "unsafe_home": "skip"}
CALM = {"afraid": "no", "control": "no", "harm": "no", "unsafe_home": "no"}


@pytest.fixture
def library(settings):
    load_library(settings.NEARER_CONTENT_DIR)


def test_answers_are_encrypted_and_read_back():
    from nearer.testing import make_user

    user = make_user("s@example.com", "S")
    check = services.record(user, DANGER)
    assert b"sometimes" not in bytes(check.answers_encrypted)
    assert SafetyCheck.objects.get().answers == DANGER
    assert check.signals_danger


@pytest.mark.parametrize(
    ("answers", "danger"),
    [
        (CALM, False),
        (DANGER, True),
        ({**CALM, "harm": "yes"}, True),
        ({**CALM, "afraid": "skip"}, False),
    ],
)
def test_what_signals_danger(answers, danger):
    assert services.signals_danger(answers) is danger


def test_danger_leads_to_the_safety_page_with_individual_support(cast, client_for):
    client = client_for(cast.a)
    response = client.post(reverse("safety:check"), DANGER)
    assert response["Location"] == reverse("safety")
    html = client.get(reverse("safety")).content.decode()
    assert "Support for you, on your own" in html
    assert "Support for you" not in client_for(cast.b).get(reverse("safety")).content.decode()


def test_vulnerable_exercises_are_no_longer_suggested(cast, library):
    vulnerable = services.vulnerable_items()
    assert vulnerable, "the library marks some exercises as vulnerable"
    situations = ["many_years", "after_betrayal"]
    shown_before = set()
    for index in range(TOTAL_DAYS):
        daily, weekly = plans.steps_for_day(situations, index, True, {"after_betrayal": "was_hurt"})
        shown_before |= {p.step.item for p in daily + weekly}
    assert shown_before & vulnerable, "the plans do use vulnerable exercises normally"
    for index in range(TOTAL_DAYS):
        daily, weekly = plans.individual_steps(index)
        assert daily and weekly
        assert not ({p.step.item for p in daily + weekly} & vulnerable)


def test_today_uses_the_safe_steps_after_a_danger_check(cast, client_for, library):
    plans.enroll(cast.a, ["many_years"])
    services.record(cast.a, DANGER)
    person.forget(cast.a)  # a new request
    vulnerable = services.vulnerable_items()
    for day in range(TOTAL_DAYS):
        enrollment = plans.current_enrollment(cast.a)
        enrollment.started_on = plans.local_today(cast.a) - __import__("datetime").timedelta(
            days=day
        )
        enrollment.save()
        today = plans.today_for(cast.a)
        assert not ({p.step.item for p in today.daily + today.weekly} & vulnerable)


def normalise(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r' nonce="[^"]+"', "", html)
    return re.sub(r"csrftoken=[^;]+", "", html)


def partner_view(b):
    random.seed(7)  # the same conversation card and note starters both times
    pages = {}
    for name, route in ROUTES.items():
        if "GET" in route.methods and not route.obj and not route.args and route.methods:
            from django.urls import reverse as rev

            response = b.get(rev(name))
            # errors="replace": a few routes answer bytes (favicon.ico); still compared whole.
            text = response.content.decode(errors="replace")
            pages[name] = (response.status_code, normalise(text))
    return pages


@time_machine.travel("2026-06-01 12:00Z", tick=False)
def test_no_trace_of_the_check_reaches_the_partner(cast, client_for, library):
    plans.enroll(cast.a, ["many_years"])
    plans.enroll(cast.b, ["many_years"])
    b = client_for(cast.b)
    before = partner_view(b)
    outbox_before = len(mail.outbox)
    client_for(cast.a).post(reverse("safety:check"), DANGER)
    after = partner_view(b)
    assert before.keys() == after.keys()
    for name in before:
        changed = "\n".join(
            difflib.unified_diff(
                before[name][1].splitlines(), after[name][1].splitlines(), lineterm=""
            )
        )
        assert before[name][0] == after[name][0] and not changed, f"{name} changed:\n{changed}"
    assert len(mail.outbox) == outbox_before
