"""A person's context (nearer/person.py): read once per request, and a change made in the
same request is seen at once by everything that asks afterwards."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nearer import crypto, person
from nearer.couples import services as couples
from nearer.couples.shared import context_for
from nearer.plans import services as plans
from nearer.questions import services as questions
from nearer.safety import services as safety
from nearer.testing import make_moment, make_user
from nearer.timeline.models import Moment
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db

DANGER = {"afraid": "yes", "control": "no", "harm": "no", "unsafe_home": "no"}
CALM = {"afraid": "no", "control": "no", "harm": "no", "unsafe_home": "no"}


def as_new_request(user):
    """The user the way the next request loads it: a fresh object, nothing known yet."""
    crypto.forget_keys()
    return get_user_model().objects.get(pk=user.pk)


def test_partner_intake_and_safety_are_each_read_once_per_request(cast):
    plans.save_intake(cast.a, {"situations": ["long_distance"]}, {})
    ada = as_new_request(cast.a)
    with CaptureQueriesContext(connection) as first:
        couples.state_of(ada), plans.intake_of(ada), safety.in_danger(ada), safety.gentle(ada)
        context_for(ada)
    with CaptureQueriesContext(connection) as again:
        assert couples.state_of(ada).partner == cast.b
        assert plans.situations_of(ada) == ["long_distance"]
        assert not safety.in_danger(ada) and not safety.gentle(ada)
        context_for(ada)
        questions.anchor(ada)
    assert len(again) == 0, [q["sql"] for q in again]
    # state, intake, safety check, gentle (self), the partner's intake and gentle mode
    assert len(first) == 6, [q["sql"] for q in first]


def test_the_context_stays_with_its_own_person(cast):
    plans.save_intake(cast.a, {"situations": ["long_distance"]}, {})
    assert person.of(cast.a) is not person.of(cast.b)
    assert plans.situations_of(cast.b) == []
    assert couples.state_of(cast.outsider).partner == cast.outsider_partner
    # The next request loads its user afresh, and with it a fresh context.
    assert person.of(as_new_request(cast.a)) is not person.of(cast.a)


def test_leaving_is_seen_at_once_by_the_visibility_rules(cast):
    make_moment(cast.b, Visibility.SHARED, title="ours")
    ada = as_new_request(cast.a)
    assert {m.title for m in Moment.objects.visible_to(ada)} == {"ours"}
    couples.leave_couple(ada)
    assert couples.state_of(ada).partner is None
    assert set(Moment.objects.visible_to(ada)) == set()
    assert questions.anchor(ada) == (f"u{ada.pk}", ada)


def test_joining_is_seen_at_once_by_the_joiner(cast):
    inviter = make_user("ines@example.com", "Ines")
    _invite, token = couples.create_invite(inviter)
    couples.state_of(cast.solo)  # read before joining, as a page would
    assert not context_for(cast.solo).gentle
    couples.accept_invite(cast.solo, token)
    assert couples.state_of(cast.solo).partner == inviter
    safety.set_gentle(inviter, True)
    person.forget(inviter)
    assert context_for(cast.solo) == context_for(inviter)


def test_a_new_intake_is_seen_at_once_by_the_plan_and_the_shared_context(cast):
    solo = as_new_request(cast.solo)
    assert plans.situations_of(solo) == [] and context_for(solo).situations == frozenset()
    plans.save_intake(solo, {"situations": ["long_distance"], "living_apart": True}, {})
    assert plans.situations_of(solo) == ["long_distance"]
    assert context_for(solo).situations == {"long_distance"}
    assert context_for(solo).living_apart


def test_a_safety_check_is_seen_at_once_and_a_calm_one_lifts_it(cast):
    plans.enroll(cast.a, ["many_years"])
    ada = as_new_request(cast.a)
    assert not safety.in_danger(ada)
    assert not any(p.ref.startswith("safety:") for p in plans.today_for(ada).daily)
    safety.record(ada, DANGER)
    assert safety.in_danger(ada)
    assert all(p.ref.startswith("safety:") for p in plans.today_for(ada).daily)
    safety.record(ada, CALM)
    assert not safety.in_danger(ada)


def test_gentle_mode_is_seen_at_once_by_the_shared_context(cast):
    ada = as_new_request(cast.a)
    assert not context_for(ada).gentle
    safety.set_gentle(ada, True)
    assert context_for(ada).gentle


def test_rows_of_the_signed_in_person_need_no_query_for_their_key(cast):
    plans.save_intake(cast.a, {"situations": ["long_distance"]}, {})
    ada = as_new_request(cast.a)
    person.of(ada)  # what the middleware does for the signed-in person
    intake = plans.Intake.objects.get(user=ada)  # read without its owner, as lists are
    with CaptureQueriesContext(connection) as queries:
        assert intake.situations == ["long_distance"]
    assert len(queries) == 0
    crypto.forget_keys()  # the end of the request: the known key goes with it
    with CaptureQueriesContext(connection) as queries:
        assert intake.situations == ["long_distance"]
    assert len(queries) == 1
