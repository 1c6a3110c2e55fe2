"""When to get help: each rule with a case that triggers it and one that does not."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from nearer.plans import services as plans
from nearer.progress import help
from nearer.progress.models import Csi4Result
from nearer.safety import services as safety

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)
CALM = {"afraid": "no", "control": "no", "harm": "no", "unsafe_home": "no"}
DANGER = {**CALM, "afraid": "yes"}


def scores(user, *values, every=timedelta(days=31)):
    """CSI-4 answers with these totals, one a month, the last one today."""
    for n, total in enumerate(values):
        result = Csi4Result(user=user, taken_at=NOW - every * (len(values) - 1 - n))
        happiness = min(total, 6)
        rest = total - happiness
        result.answers = {
            "happiness": happiness,
            "warm": min(rest, 5),
            "rewarding": min(max(rest - 5, 0), 5),
            "satisfied": max(rest - 10, 0),
        }
        result.save()
        assert result.score == total


def rules(user):
    return help.applying_rules(user)


pytestmark = [pytestmark, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_low_for_several_months_suggests_couples_therapy(cast):
    scores(cast.a, 12, 10, 11)
    assert "csi-low" in rules(cast.a)
    assert [s.key for s in help.suggestions_for(cast.a)] == ["csi-low"]


def test_one_low_answer_or_a_recovery_does_not(cast):
    scores(cast.a, 12)
    assert "csi-low" not in rules(cast.a)
    scores(cast.b, 10, 12, 16)  # low, then above the cut-off
    assert "csi-low" not in rules(cast.b)


def test_two_low_answers_a_month_apart_are_not_yet_several_months(cast):
    scores(cast.a, 9, 9, every=timedelta(days=60))
    assert "csi-low" in rules(cast.a)
    scores(cast.b, 9, 9, every=timedelta(days=30))
    assert "csi-low" not in rules(cast.b)


def test_a_lasting_fall_suggests_couples_therapy(cast):
    scores(cast.a, 19, 17, 14)
    assert rules(cast.a) == {"csi-falling"}


def test_a_single_dip_or_a_small_fall_does_not(cast):
    scores(cast.a, 19, 19, 14)  # one hard month after steady ones
    assert "csi-falling" not in rules(cast.a)
    scores(cast.b, 18, 17, 16)  # a small drift
    assert "csi-falling" not in rules(cast.b)


def test_a_betrayal_season_suggests_couples_therapy(cast):
    plans.enroll(cast.a, ["after_betrayal"])
    assert rules(cast.a) == {"betrayal"}
    plans.enroll(cast.b, ["many_years"])
    assert rules(cast.b) == set()


def test_a_recovery_season_suggests_counselling_together(cast):
    plans.enroll(cast.a, ["recovery", "general"])
    assert rules(cast.a) == {"recovery"}
    plans.enroll(cast.b, ["new_parents"])
    assert "recovery" not in rules(cast.b)


def test_danger_suggests_individual_support_and_never_couples_therapy(cast):
    plans.enroll(cast.a, ["after_betrayal"])
    scores(cast.a, 8, 6, 5)
    safety.record(cast.a, DANGER)
    assert rules(cast.a) == {"danger"}
    suggestions = help.suggestions_for(cast.a)
    assert [(s.key, s.rule.suggests) for s in suggestions] == [("danger", help.INDIVIDUAL)]


def test_without_danger_there_is_no_individual_support_rule(cast):
    safety.record(cast.a, CALM)
    plans.enroll(cast.a, ["after_betrayal"])
    assert rules(cast.a) == {"betrayal"}


def test_only_one_suggestion_of_each_kind(cast):
    plans.enroll(cast.a, ["after_betrayal", "recovery"])
    scores(cast.a, 12, 10, 11)
    assert rules(cast.a) == {"betrayal", "recovery", "csi-low"}
    assert len(help.suggestions_for(cast.a)) == 1


def test_the_rule_list_takes_new_rules(cast):
    extra = help.Rule("cycle", help.COUPLES, "t", "r", applies=lambda facts: True)
    assert [s.key for s in help.suggestions_for(cast.a, rules=[*help.RULES, extra])] == ["cycle"]


def test_the_help_page_lists_every_rule_with_its_reason(client, cast, client_for):
    html = client.get(reverse("progress:help")).content.decode()
    for rule in help.RULES:
        assert str(rule.reason).replace("'", "&#x27;") in html
    assert "What to expect from a first session" in html


def test_a_suggestion_shows_but_blocks_nothing(cast, client_for):
    plans.enroll(cast.a, ["after_betrayal"])
    a = client_for(cast.a)
    assert "A therapist can help you both heal" in a.get(reverse("progress:index")).content.decode()
    for name in ("today", "questions:today", "talks:talk", "checkins:checkin"):
        assert a.get(reverse(name)).status_code == 200


def test_in_danger_the_help_page_lists_no_couples_only_directory(cast, client_for):
    a = client_for(cast.a)
    url = reverse("progress:help") + "?country=United+States"
    assert "therapist locator" in a.get(url).content.decode()
    safety.record(cast.a, DANGER)
    html = a.get(url).content.decode()
    assert "Support for you first" in html
    assert "therapist locator" not in html and "988" in html
    assert "Support for you first" not in client_for(cast.b).get(url).content.decode()


def test_an_unknown_country_shows_the_international_list(client):
    html = client.get(reverse("progress:help") + "?country=Atlantis").content.decode()
    assert "findahelpline.com" in html
