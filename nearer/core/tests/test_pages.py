"""Structure every page shares: one h1, the quick exit, landmarks, no inline code, headers."""

import re
from datetime import UTC, datetime
from unittest import mock

import pytest
import time_machine
from django.db.utils import OperationalError
from django.urls import reverse

from nearer.testing import make_moment

pytestmark = pytest.mark.django_db

PAGES = [
    ("landing", None),
    ("safety", None),
    ("account_login", None),
    ("account_signup", None),
    ("account_reset_password", None),
    ("today", "a"),
    ("today", "solo"),
    ("couples:settings", "a"),
    ("couples:settings", "solo"),
    ("accounts:settings", "a"),
    ("timeline:index", "a"),
    ("account_change_password", "a"),
    ("mfa_index", "a"),
]


def page(cast, client, client_for, name, who):
    c = client_for(getattr(cast, who)) if who else client
    response = c.get(reverse(name))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(("name", "who"), PAGES)
def test_page_structure(cast, client, client_for, name, who):
    response = page(cast, client, client_for, name, who)
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1, "exactly one <h1>"
    assert html.count("data-quick-exit") == 1
    assert '<main id="main"' in html
    assert re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html) is None, (
        "inline script"
    )
    assert " style=" not in html and "<style" not in html, "inline style"
    for field_id in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html):
        if 'type="hidden"' in html.split(f'id="{field_id}"')[0].rsplit("<", 1)[-1]:
            continue
        assert f'for="{field_id}"' in html, f"field {field_id} has a label"


def test_strict_csp_and_security_headers(client):
    response = client.get(reverse("landing"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_private_pages_are_not_cached(cast, client_for):
    assert client_for(cast.a).get(reverse("today"))["Cache-Control"] == "no-store"


def test_today_shows_partner_or_invitation(cast, client_for):
    assert "You and Ben" in client_for(cast.a).get(reverse("today")).content.decode()
    assert "Invite your partner" in client_for(cast.solo).get(reverse("today")).content.decode()


def test_today_uses_each_persons_own_date(cast, client_for):
    # 11:30 UTC on 1 March is already 2 March in Auckland (UTC+13).
    with time_machine.travel(datetime(2026, 3, 1, 11, 30, tzinfo=UTC)):
        assert "Sunday 1 March" in client_for(cast.a).get(reverse("today")).content.decode()
        assert "Monday 2 March" in client_for(cast.solo).get(reverse("today")).content.decode()


def test_dates_follow_each_persons_language(cast, client_for):
    """nearer/formats: day first in English, Spanish with its own words and order."""
    type(cast.a).objects.filter(pk=cast.a.pk).update(language="es")
    with time_machine.travel(datetime(2026, 3, 1, 11, 30, tzinfo=UTC)):
        mine = client_for(cast.a).get(reverse("today")).content.decode()
        theirs = client_for(cast.b).get(reverse("today")).content.decode()
    assert "domingo 1 de marzo" in mine
    assert "Sunday 1 March" in theirs


def test_landing_sends_signed_in_people_to_today(cast, client_for):
    response = client_for(cast.a).get(reverse("landing"))
    assert response["Location"] == reverse("today")


def test_page_query_counts(cast, client_for, django_assert_max_num_queries):
    for n in range(5):
        make_moment(cast.a, title=f"moment {n}")
        make_moment(cast.b, title=f"theirs {n}")
    from tests.routes import _library_key

    _library_key()
    client = client_for(cast.a)
    # The first Today of a day also picks the question of the day (a few queries, once).
    # What's new costs three constant queries (notes, reactions, dates); the shared context
    # of the question (both intakes, gentle mode) two more.
    with django_assert_max_num_queries(20):
        assert client.get(reverse("today")).status_code == 200
    for name, limit in (("today", 11), ("timeline:index", 8), ("couples:settings", 8)):
        with django_assert_max_num_queries(limit):
            assert client.get(reverse(name)).status_code == 200


def test_healthz(client):
    assert client.get("/healthz").status_code == 200


def test_healthz_reports_a_broken_database(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError):
        assert client.get("/healthz").status_code == 503


def test_invitation_message_is_prefilled_and_editable(cast, client_for):
    html = client_for(cast.solo).get(reverse("couples:settings")).content.decode()
    assert "<textarea" in html and "no pressure" in html
