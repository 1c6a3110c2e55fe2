"""Taking the CSI-4: at most monthly, encrypted, owner-only, shared only by choice."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from nearer.progress import services
from nearer.progress.models import Csi4Result
from tests.routes import ROUTES

pytestmark = pytest.mark.django_db

HAPPY = {"happiness": 3, "warm": 4, "rewarding": 2, "satisfied": 3}  # 12
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_form_saves_a_score_and_shows_the_citation(cast, client_for):
    client = client_for(cast.a)
    page = client.get(reverse("progress:csi")).content.decode()
    assert "Funk, J. L., &amp; Rogge, R. D. (2007)" in page
    assert "I have a warm and comfortable relationship with my partner." in page
    response = client.post(reverse("progress:csi"), HAPPY)
    assert response.status_code == 302
    assert services.latest(cast.a).score == 12


def test_an_incomplete_form_keeps_the_answers_and_says_what_is_missing(cast, client_for):
    response = client_for(cast.a).post(reverse("progress:csi"), {"happiness": 3, "warm": 9})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please choose one answer for this question." in html
    assert 'value="3" required id="id_happiness_3" checked' in html
    assert not Csi4Result.objects.exists()


def test_offered_at_most_once_a_month(cast, client_for):
    with time_machine.travel(START, tick=False):
        services.record(cast.a, HAPPY)
    with time_machine.travel(START + timedelta(days=29, hours=23), tick=False):
        with pytest.raises(services.TooSoon):
            services.record(cast.a, HAPPY)
        response = client_for(cast.a).post(reverse("progress:csi"), HAPPY)
        assert response.status_code == 200
        assert "once a month at most" in response.content.decode()
    with time_machine.travel(START + timedelta(days=30), tick=False):
        services.record(cast.a, {**HAPPY, "warm": 5})
    assert [s for _when, s in services.results(cast.a)] == [12, 13]


def test_the_month_is_per_person(cast):
    services.record(cast.a, HAPPY)
    services.record(cast.b, HAPPY)  # the partner's own answers are never held back by A's
    assert Csi4Result.objects.count() == 2


def test_answers_are_encrypted_at_rest_and_owner_only(cast):
    result = services.record(cast.a, HAPPY)
    raw = bytes(Csi4Result.objects.get(pk=result.pk).answers_encrypted)
    assert b"happiness" not in raw and b"warm" not in raw
    assert Csi4Result.objects.get(pk=result.pk).answers == HAPPY
    assert not Csi4Result.objects.owned_by(cast.b).exists()
    assert result.export_data()["score"] == 12
    answers = result.export_data()["answers"]
    assert answers["How rewarding is your relationship with your partner?"] == "Somewhat"


def normalise(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r' nonce="[^"]+"', "", html)


def every_page(client):
    pages = {}
    for name, route in ROUTES.items():
        if "GET" in route.methods and not route.obj and not route.args:
            response = client.get(reverse(name))
            pages[name] = (
                response.status_code,
                normalise(response.content.decode(errors="replace")),
            )
    pages["together"] = normalise(
        client.get(reverse("progress:index") + "?view=together").content.decode()
    )
    return pages


@time_machine.travel("2026-06-01 12:00Z", tick=False)
def test_a_private_score_changes_nothing_the_partner_sees(cast, client_for):
    b = client_for(cast.b)
    before = every_page(b)
    services.record(cast.a, {"happiness": 0, "warm": 0, "rewarding": 0, "satisfied": 0})
    after = every_page(b)
    assert before == after


@time_machine.travel("2026-06-01 12:00Z", tick=False)
def test_a_shared_trend_appears_only_in_the_couple_view_on_its_own_chart(cast, client_for):
    services.record(cast.a, HAPPY)
    services.record(cast.b, {"happiness": 6, "warm": 5, "rewarding": 5, "satisfied": 5})
    b = client_for(cast.b)
    assert (
        "Ada&#x27;s CSI-4"
        not in b.get(reverse("progress:index") + "?view=together").content.decode()
    )
    client_for(cast.a).post(reverse("progress:share"), {"share": "yes"})
    together = b.get(reverse("progress:index") + "?view=together").content.decode()
    assert "Ada&#x27;s CSI-4, shared by Ada" in together
    # B did not share: B's own score is not drawn in the couple view, so nothing is compared.
    assert "Your CSI-4, as you shared it" not in together
    assert "Ada" not in b.get(reverse("progress:index")).content.decode().split("<main")[1]
    client_for(cast.a).post(reverse("progress:share"), {"share": "no"})
    together = b.get(reverse("progress:index") + "?view=together").content.decode()
    assert "Ada&#x27;s CSI-4" not in together


def test_no_page_labels_anyone_distressed(cast, client_for):
    services.record(cast.a, {"happiness": 0, "warm": 0, "rewarding": 0, "satisfied": 0})
    client = client_for(cast.a)
    for url in (reverse("progress:index"), reverse("progress:help"), reverse("progress:csi")):
        assert "distress" not in client.get(url).content.decode().lower()


def test_the_api_records_and_returns_only_ones_own_answers(cast, client_for):
    a, b = client_for(cast.a), client_for(cast.b)
    response = a.post("/api/v1/progress/csi", HAPPY, content_type="application/json")
    assert response.status_code == 201 and response.json()["score"] == 12
    again = a.post("/api/v1/progress/csi", HAPPY, content_type="application/json")
    assert again.status_code == 409 and "once a month" in again.json()["detail"]
    bad = a.post("/api/v1/progress/csi", {**HAPPY, "warm": 6}, content_type="application/json")
    assert bad.status_code == 422
    assert [r["score"] for r in a.get("/api/v1/progress/csi").json()["results"]] == [12]
    assert b.get("/api/v1/progress/csi").json()["results"] == []
    shared = a.put(
        "/api/v1/progress/sharing", {"share_trend": True}, content_type="application/json"
    )
    assert shared.json()["share_trend"] is True
    assert b.get("/api/v1/progress/csi").json()["results"] == []  # sharing shows a chart only
