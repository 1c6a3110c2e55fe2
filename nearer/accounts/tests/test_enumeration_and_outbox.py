"""Nobody can learn whether an address has an account, and in development the account
emails are readable at the outbox page."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from nearer.testing import PASSWORD

pytestmark = pytest.mark.django_db

# What differs between any two responses anyway: the CSRF token and the CSP nonce.
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|nonce="[^"]+"')


def signup(client, email):
    return client.post(
        reverse("account_signup"),
        {"display_name": "Someone", "email": email, "password1": PASSWORD,
         "password2": PASSWORD, "time_zone": "UTC"},
        follow=True,
    )  # fmt: skip


def page(response, email=""):
    """The page, with what is expected to differ taken out (and the address typed in)."""
    text = CSRF.sub("", response.content.decode())
    return text.replace(email, "<address>") if email else text


def test_signup_answers_the_same_for_a_known_and_an_unknown_address(cast):
    known, unknown = signup(Client(), cast.a.email), signup(Client(), "nobody-yet@example.com")
    assert known.redirect_chain == unknown.redirect_chain
    assert known.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    assert known.status_code == unknown.status_code == 200
    assert page(known, cast.a.email) == page(unknown, "nobody-yet@example.com")
    assert "already" not in page(known).lower()
    assert get_user_model().objects.filter(email=cast.a.email).count() == 1
    # Each address is told by email, where only its owner reads it.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.a.email, "nobody-yet@example.com"])


def test_login_answers_the_same_for_a_known_and_an_unknown_address(cast):
    def attempt(email):
        return Client().post(reverse("account_login"), {"login": email, "password": "wrong one"})

    known, unknown = attempt(cast.a.email), attempt("nobody@example.com")
    assert known.status_code == unknown.status_code == 200
    assert page(known, cast.a.email) == page(unknown, "nobody@example.com")


def test_password_reset_answers_the_same_for_a_known_and_an_unknown_address(cast):
    def reset(email):
        return Client().post(reverse("account_reset_password"), {"email": email}, follow=True)

    known, unknown = reset(cast.a.email), reset("nobody@example.com")
    assert known.redirect_chain == unknown.redirect_chain
    assert page(known, cast.a.email) == page(unknown, "nobody@example.com")


def test_a_new_account_must_confirm_its_address_before_using_nearer(client):
    signup(client, "fresh@example.com")
    assert client.get(reverse("today")).status_code == 302
    response = client.post(
        reverse("account_login"), {"login": "fresh@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


def test_the_outbox_does_not_exist_outside_development(client):
    assert client.get(reverse("accounts:dev_outbox")).status_code == 404


@pytest.fixture
def dev_outbox(settings, tmp_path):
    settings.NEARER_DEV_OUTBOX = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "emails"
    return settings.EMAIL_FILE_PATH


def test_in_development_the_confirmation_link_is_in_the_outbox(client, dev_outbox):
    sent = signup(client, "robin@example.com")
    assert reverse("accounts:dev_outbox") in sent.content.decode()
    outbox = client.get(reverse("accounts:dev_outbox")).content.decode()
    assert "robin@example.com" in outbox
    link = re.search(r'href="(http://[^"]+/accounts/confirm-email/[^"]+)"', outbox).group(1)
    path = link.split("://", 1)[1].split("/", 1)[1]
    confirmed = client.post("/" + path)
    assert confirmed.status_code == 302
    assert client.get(reverse("today")).status_code == 200  # confirmed and logged in


def test_the_password_reset_page_links_the_outbox_in_development(client, dev_outbox, cast):
    done = client.post(reverse("account_reset_password"), {"email": cast.a.email}, follow=True)
    assert reverse("accounts:dev_outbox") in done.content.decode()
    assert "Password Reset" in client.get(reverse("accounts:dev_outbox")).content.decode()
