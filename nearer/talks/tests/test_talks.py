"""The 15-minute talk: a card not about kids or chores, a shared log, private notes."""

import pytest
from django.conf import settings
from django.urls import reverse

from nearer.library.loader import load_library
from nearer.talks import services
from nearer.talks.models import Talk, TalkNote

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def library():
    load_library(settings.NEARER_CONTENT_DIR)


def test_cards_are_never_about_kids_or_chores(cast):
    card = services.card(cast.a)
    for _ in range(50):
        assert card.data["kids_and_chores_free"] is True
        card = services.card(cast.a, instead_of=card.key)


def test_page_works_without_javascript(cast, client_for):
    html = client_for(cast.a).get(reverse("talks:talk")).content.decode()
    assert "We talked" in html and "Taking turns" in html
    assert 'data-timer="900" hidden' in html  # the timer appears only when the script runs


def test_log_is_shared_and_the_note_stays_private(cast, client_for):
    card = services.card(cast.a)
    client_for(cast.a).post(
        reverse("talks:talk"),
        {"minutes": 15, "feeling": 4, "note": "I held back a little", "card": card.key},
    )
    talk = Talk.objects.get()
    assert talk.visibility == "shared" and talk.card == card
    assert b"held back" not in bytes(TalkNote.objects.get().text_encrypted)
    b_page = client_for(cast.b).get(reverse("talks:talk")).content.decode()
    assert "15 minutes" in b_page and "held back" not in b_page
    assert "felt 4/5" not in b_page  # how it felt is Ada's own unless she shares it
    assert "felt 4/5" in client_for(cast.a).get(reverse("talks:talk")).content.decode()
    assert client_for(cast.b).get("/api/v1/talks").json()["items"][0]["my_note"] is None
    assert (
        client_for(cast.a).get("/api/v1/talks").json()["items"][0]["my_note"]
        == "I held back a little"
    )
    assert client_for(cast.outsider).get("/api/v1/talks").json() == {"items": [], "count": 0}


def test_the_feeling_is_private_unless_its_author_shares_it(cast, client_for):
    client_for(cast.a).post(reverse("talks:talk"), {"minutes": 10, "feeling": 2})
    client_for(cast.a).post(
        "/api/v1/talks",
        {"minutes": 20, "feeling": 5, "share_feeling": True},
        content_type="application/json",
    )
    seen_by_b = {
        t["minutes"]: t["feeling"] for t in client_for(cast.b).get("/api/v1/talks").json()["items"]
    }
    assert seen_by_b == {10: None, 20: 5}
    seen_by_a = {
        t["minutes"]: t["feeling"] for t in client_for(cast.a).get("/api/v1/talks").json()["items"]
    }
    assert seen_by_a == {10: 2, 20: 5}
    for talk in Talk.objects.all():
        assert bytes(talk.feeling_encrypted)[:1] == b"\x02"  # sealed, not a plain number


def test_bad_values_are_refused(cast, client_for):
    response = client_for(cast.a).post(reverse("talks:talk"), {"minutes": 0, "feeling": 7})
    assert response.status_code == 200 and not Talk.objects.exists()
    api = client_for(cast.a).post(
        "/api/v1/talks", {"minutes": 15, "feeling": 9}, content_type="application/json"
    )
    assert api.status_code == 422
