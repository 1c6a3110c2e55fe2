"""The security log records account events for their owner only, without secrets."""

import pytest
from django.test import Client
from django.urls import reverse

from nearer.accounts.models import ApiToken
from nearer.audit.models import SecurityEvent
from nearer.testing import PASSWORD

pytestmark = pytest.mark.django_db


def kinds(user):
    return list(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True))


def test_login_failed_login_and_logout_are_recorded(cast):
    client = Client()
    client.post(reverse("account_login"), {"login": cast.a.email, "password": "wrong guess"})
    client.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    client.post(reverse("account_logout"))
    assert kinds(cast.a) == ["logout", "login", "login_failed"]
    assert SecurityEvent.objects.filter(user=cast.b).count() == 0


def test_password_change_is_recorded_and_ends_other_sessions(cast):
    other = Client()
    other.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    me = Client()
    me.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    new = "another quiet garden 7"
    response = me.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert "password_changed" in kinds(cast.a)
    assert me.get(reverse("today")).status_code == 200
    assert other.get(reverse("today")).status_code == 302  # sent to log in again


def test_token_use_is_recorded_once_an_hour_without_the_secret(cast, client):
    _token, raw = ApiToken.issue(cast.a, "my script")
    for _ in range(3):
        client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    events = SecurityEvent.objects.filter(user=cast.a, kind="token_used")
    assert events.count() == 1
    assert events.get().detail == "my script"
    assert not SecurityEvent.objects.filter(detail__contains=raw).exists()


def test_each_person_sees_only_their_own_events(cast, client_for):
    Client().post(reverse("account_login"), {"login": cast.a.email, "password": "wrong guess"})
    assert (
        "Failed login attempt" in client_for(cast.a).get(reverse("audit:events")).content.decode()
    )
    assert (
        "Failed login attempt"
        not in client_for(cast.b).get(reverse("audit:events")).content.decode()
    )


def test_sessions_page_lists_and_ends_other_sessions(cast):
    other = Client(HTTP_USER_AGENT="Other browser")
    other.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    me = Client(HTTP_USER_AGENT="My browser")
    me.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    page = me.get(reverse("usersessions_list"))
    assert page.status_code == 200
    assert "Other browser" in page.content.decode()
    me.post(reverse("usersessions_list"), {})
    assert other.get(reverse("today")).status_code == 302
    assert me.get(reverse("today")).status_code == 200


def test_password_change_sends_a_notice(cast):
    from django.core import mail

    me = Client()
    me.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    new = "another quiet garden 7"
    me.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert any("password" in m.subject.lower() for m in mail.outbox if m.to == [cast.a.email])
    assert not any(new in m.body for m in mail.outbox)
