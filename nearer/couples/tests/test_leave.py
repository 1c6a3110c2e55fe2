"""Leaving: unilateral, immediate, silent; each keeps only what they wrote."""

import pytest
from django.core import mail
from django.urls import reverse

from nearer.couples import services
from nearer.testing import make_moment
from nearer.timeline.models import Moment
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db


def test_after_leaving_neither_sees_the_others_shared_items(cast, client_for):
    from_a = make_moment(cast.a, Visibility.SHARED, title="Ada's memory")
    from_b = make_moment(cast.b, Visibility.SHARED, title="Ben's memory")
    a, b = client_for(cast.a), client_for(cast.b)
    assert b.get(reverse("timeline:detail", args=[from_a.pk])).status_code == 200

    response = a.post(reverse("couples:leave"), {"confirm": "on"})
    assert response.status_code == 302

    assert b.get(reverse("timeline:detail", args=[from_a.pk])).status_code == 404
    assert b.get(f"/api/v1/timeline/{from_a.pk}").status_code == 404
    assert a.get(reverse("timeline:detail", args=[from_b.pk])).status_code == 404
    assert a.get(f"/api/v1/timeline/{from_b.pk}").status_code == 404
    assert "Ada's memory" not in b.get(reverse("timeline:index")).content.decode()
    assert [m["title"] for m in b.get("/api/v1/timeline").json()["items"]] == ["Ben's memory"]
    # Each keeps their own.
    assert a.get(reverse("timeline:detail", args=[from_a.pk])).status_code == 200
    assert b.get(reverse("timeline:detail", args=[from_b.pk])).status_code == 200
    assert Moment.objects.count() == 2


def test_partner_sees_solo_today_and_is_not_notified(cast, client_for):
    client_for(cast.a).post(reverse("couples:leave"), {"confirm": "on"})
    today = client_for(cast.b).get(reverse("today")).content.decode()
    assert "Just you, for now" in today
    assert "Ada" not in today
    assert mail.outbox == []


def test_leaving_needs_the_confirmation_box(cast, client_for):
    client_for(cast.a).post(reverse("couples:leave"), {})
    services.forget_state(cast.a)
    assert services.state_of(cast.a).partner == cast.b


def test_leave_through_the_api(cast, client_for):
    shared = make_moment(cast.b, Visibility.SHARED)
    response = client_for(cast.a).post("/api/v1/couple/leave")
    assert response.status_code == 200
    assert response.json() == {"in_space": False, "linked": False, "partner": None, "invite": None}
    assert client_for(cast.a).get(f"/api/v1/timeline/{shared.pk}").status_code == 404


def test_a_new_partner_never_sees_what_was_shared_before(cast, client_for):
    old = make_moment(cast.a, Visibility.SHARED, title="From the old space")
    services.leave_couple(cast.a)
    _invite, raw = services.create_invite(cast.b)
    services.accept_invite(cast.solo, raw)
    assert client_for(cast.solo).get(reverse("timeline:detail", args=[old.pk])).status_code == 404
