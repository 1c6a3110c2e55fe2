"""Signup asks for a name and time zone; settings; personal API tokens."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from nearer.accounts.models import ApiToken, User, hash_token
from nearer.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_signup_stores_name_time_zone_and_an_argon2_hash(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Robin",
            "email": "robin@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Asia/Kolkata",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="robin@example.com")
    assert (user.display_name, user.time_zone) == ("Robin", "Asia/Kolkata")
    assert user.password.startswith("argon2")
    assert user.wrapped_key
    assert EmailAddress.objects.filter(user=user, verified=False).exists()


def test_signup_rejects_a_weak_password_and_keeps_the_form(client):
    response = client.post(
        reverse("account_signup"),
        {"display_name": "Robin", "email": "robin@example.com", "password1": "12345678",
         "password2": "12345678", "time_zone": "UTC"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not User.objects.exists()
    assert 'value="Robin"' in response.content.decode()


def test_signup_rejects_an_unknown_time_zone(client):
    response = client.post(
        reverse("account_signup"),
        {"display_name": "Robin", "email": "robin@example.com", "password1": PASSWORD,
         "password2": PASSWORD, "time_zone": "Mars/Olympus"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not User.objects.exists()


def test_profile_update_and_bad_input(cast, client_for):
    client = client_for(cast.a)
    bad = client.post(
        reverse("accounts:settings"),
        {"display_name": " ", "time_zone": "Nowhere", "language": "en"},
    )
    assert bad.status_code == 200
    good = client.post(
        reverse("accounts:settings"),
        {"display_name": "Ada L.", "time_zone": "Asia/Tokyo", "language": "en"},
    )
    assert good.status_code == 302
    cast.a.refresh_from_db()
    assert (cast.a.display_name, cast.a.time_zone) == ("Ada L.", "Asia/Tokyo")


def login(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_token_is_shown_once_and_stored_hashed(client):
    user = make_user("tok@example.com", "Tok")
    login(client, user)
    asked = client.post(reverse("accounts:token_create"), {"name": "my script"})
    assert "reauthenticate" in asked["Location"]
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("accounts:token_create"), {"name": "my script"})
    assert response.status_code == 200
    raw = response.context["raw"]
    token = ApiToken.objects.get()
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert raw not in client.get(reverse("accounts:settings")).content.decode()


def test_token_creation_asks_to_log_in_again_after_a_while(cast, client_for):
    response = client_for(cast.a).post(reverse("accounts:token_create"), {"name": "x"})
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]
    assert not ApiToken.objects.exists()


def test_bearer_token_reaches_the_api_until_revoked(cast, client, client_for):
    token, raw = ApiToken.issue(cast.a, "script")
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert me.status_code == 200 and me.json()["email"] == cast.a.email
    token.refresh_from_db()
    assert token.last_used_at is not None
    client_for(cast.a).post(reverse("accounts:token_revoke", args=[token.pk]))
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert (
        client.get("/api/v1/me", headers={"Authorization": "Bearer nrr_wrong"}).status_code == 401
    )


def test_api_me_patch_validates(cast, client_for):
    client = client_for(cast.a)
    bad = client.patch("/api/v1/me", {"time_zone": "Nowhere"}, content_type="application/json")
    assert bad.status_code == 422
    good = client.patch("/api/v1/me", {"time_zone": "Asia/Tokyo"}, content_type="application/json")
    assert good.json()["time_zone"] == "Asia/Tokyo"


def test_api_session_needs_csrf_for_changes(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.a)
    response = client.patch("/api/v1/me", {"display_name": "X"}, content_type="application/json")
    assert response.status_code == 403
    assert client.get("/api/v1/me").status_code == 200


def test_login_is_rate_limited(client):
    user = make_user("slow@example.com", "Slow")
    pages = [
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong"})
        for _ in range(6)
    ]
    assert "Too many failed login attempts" not in pages[0].content.decode()
    assert "Too many failed login attempts" in pages[-1].content.decode()
    # Even the right password is refused while the limit holds.
    right = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert right.status_code == 200


def test_changing_email_asks_for_the_password_again(cast, client_for):
    response = client_for(cast.a).post(
        reverse("account_email"), {"action_add": "", "email": "new@example.com"}
    )
    assert response.status_code == 302 and "reauthenticate" in response["Location"]


def test_guessing_api_tokens_is_throttled(cast, client):
    _token, raw = ApiToken.issue(cast.a, "script")
    for n in range(21):
        assert (
            client.get("/api/v1/me", headers={"Authorization": f"Bearer nrr_guess{n}"}).status_code
            == 401
        )
    # Over the limit the guesser's address gets 429, even with the right token; the person's
    # own script, from elsewhere, is unaffected (nearer/core/tests/test_client.py).
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 429
    elsewhere = Client(REMOTE_ADDR="192.0.2.80")
    response = elsewhere.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200


def test_passwords_are_hashed_with_argon2id_on_one_lane_and_old_hashes_still_work(settings):
    from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password

    from nearer.accounts.hashers import OneLaneArgon2PasswordHasher

    settings.PASSWORD_HASHERS = ["nearer.accounts.hashers.OneLaneArgon2PasswordHasher"]
    ours, django_default = OneLaneArgon2PasswordHasher(), Argon2PasswordHasher()
    new = make_password(PASSWORD)
    params = ours.decode(new)["params"]
    assert new.startswith("argon2$argon2id$")
    assert (params.parallelism, params.memory_cost, params.time_cost) == (
        1,
        django_default.memory_cost,
        django_default.time_cost,
    )
    assert not ours.must_update(new)
    # A hash from before (8 lanes) verifies, and is not rewritten at log-in: rewriting it
    # would end the person's sessions on their other devices.
    old = django_default.encode(PASSWORD, django_default.salt())
    rewritten = []
    assert check_password(PASSWORD, old, setter=rewritten.append)
    assert not check_password("not the password", old)
    assert rewritten == [] and not ours.must_update(old)
    # A weaker hash (fewer passes) is still rewritten.
    weak = Argon2PasswordHasher()
    weak.time_cost = 1
    assert ours.must_update(weak.encode(PASSWORD, weak.salt()))
