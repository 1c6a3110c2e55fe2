"""Client addresses behind a simulated reverse proxy: one helper, read by rate limits,
the security log and allauth, trusting exactly NEARER_TRUSTED_PROXY_COUNT hops."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from nearer.accounts.models import ApiToken
from nearer.audit.models import SecurityEvent
from nearer.core.client import client_ip
from nearer.testing import PASSWORD

PROXY = "10.0.0.2"


def request(remote="192.0.2.1", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_proxies_the_connecting_address_is_the_client(settings):
    settings.NEARER_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("192.0.2.1", "6.6.6.6")) == "192.0.2.1"


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # The client wrote the left-most entry itself; only the proxy's own is trusted.
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "6.6.6.6,2001:db8::1", "2001:db8::1"),
        (1, "198.51.100.7:5123", "198.51.100.7"),
        (1, "not-an-address", None),
        # Fewer entries than proxies: the request bypassed a proxy; use the peer.
        (2, "198.51.100.7", PROXY),
        (1, None, PROXY),
    ],
)
def test_behind_proxies_the_entry_the_nearest_trusted_proxy_wrote(
    settings, hops, forwarded, expected
):
    settings.NEARER_TRUSTED_PROXY_COUNT = hops
    assert client_ip(request(PROXY, forwarded)) == expected


def through_proxy(client_address, forged=None):
    """A test client whose requests arrive the way one proxy would pass them on."""
    forwarded = f"{forged}, {client_address}" if forged else client_address
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


@pytest.mark.django_db
def test_another_clients_failed_logins_do_not_lock_a_person_out(cast, settings):
    settings.NEARER_TRUSTED_PROXY_COUNT = 1
    attacker = through_proxy("198.51.100.66")
    for n in range(12):
        attacker.post(
            reverse("account_login"), {"login": f"someone{n}@example.com", "password": "nope"}
        )
    blocked = attacker.post(
        reverse("account_login"), {"login": "other@example.com", "password": "nope"}
    )
    assert "Too many failed login attempts" in blocked.content.decode()  # the guesser is limited
    person = through_proxy("198.51.100.7")
    response = person.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    assert response.status_code == 302
    assert person.get(reverse("today")).status_code == 200


@pytest.mark.django_db
def test_the_proxy_itself_is_counted_when_no_proxy_is_trusted(cast, settings):
    """The same traffic with NEARER_TRUSTED_PROXY_COUNT=0 shows what the setting fixes."""
    settings.NEARER_TRUSTED_PROXY_COUNT = 0
    attacker = through_proxy("198.51.100.66")
    for n in range(12):
        attacker.post(
            reverse("account_login"), {"login": f"someone{n}@example.com", "password": "nope"}
        )
    person = through_proxy("198.51.100.7")
    response = person.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert person.get(reverse("today")).status_code == 302


@pytest.mark.django_db
def test_a_forged_header_does_not_change_the_logged_address(cast, settings):
    settings.NEARER_TRUSTED_PROXY_COUNT = 1
    person = through_proxy("198.51.100.7", forged="203.0.113.250")
    person.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
    assert SecurityEvent.objects.get(user=cast.a, kind="login").ip == "198.51.100.7"
    # Without a proxy the header is ignored altogether.
    settings.NEARER_TRUSTED_PROXY_COUNT = 0
    direct = Client(REMOTE_ADDR="192.0.2.44", HTTP_X_FORWARDED_FOR="203.0.113.250")
    direct.post(reverse("account_login"), {"login": cast.b.email, "password": PASSWORD})
    assert SecurityEvent.objects.get(user=cast.b, kind="login").ip == "192.0.2.44"


@pytest.mark.django_db
def test_token_guessing_gets_429_for_the_guesser_only(cast, settings):
    settings.NEARER_TRUSTED_PROXY_COUNT = 1
    _token, raw = ApiToken.issue(cast.a, "script")
    guesser = through_proxy("198.51.100.66")
    codes = [
        guesser.get("/api/v1/me", headers={"Authorization": f"Bearer nrr_guess{n}"}).status_code
        for n in range(25)
    ]
    assert codes[0] == 401
    assert codes[-1] == 429
    # The guesser's own address stays refused for a while, even with a right token.
    assert guesser.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 429
    # Everyone else: a valid token works, a wrong one is simply wrong.
    person = through_proxy("198.51.100.7")
    assert person.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
    other = through_proxy("198.51.100.8")
    assert other.get("/api/v1/me", headers={"Authorization": "Bearer nrr_x"}).status_code == 401


@pytest.mark.django_db
def test_a_valid_token_never_counts_as_a_failure(cast):
    _token, raw = ApiToken.issue(cast.a, "script")
    client = Client()
    for _ in range(30):
        assert (
            client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
        )


def test_rate_limits_no_longer_use_a_private_allauth_module():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        if "allauth.core.internal" in path.read_text() and path.name != "test_client.py"
    ]
    assert offenders == []
