"""The account pages use Nearer's layout, sentence case and the shared form-field include."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_in_nearers_words(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "<h1>Log in</h1>" in html
    assert "Sign In" not in html and "Remember Me" not in html
    assert "Keep me logged in on this device" in html
    assert 'class="site-header"' in html


def test_signup_errors_are_tied_to_their_fields_and_summarised(client):
    response = client.post(reverse("account_signup"), {"email": "not-an-email"})
    html = response.content.decode()
    assert response.status_code == 200
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'href="#id_email"' in summary
    assert 'href="#id_password1"' in summary
    email_input = re.search(r"<input[^>]*id=\"id_email\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in email_input
    assert 'aria-describedby="id_email_error"' in email_input
    assert 'id="id_email_error"' in html
    # What was typed is kept.
    assert 'value="not-an-email"' in email_input


def test_a_field_without_errors_is_not_marked_invalid(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert "aria-invalid" not in html
    assert "error-summary" not in html


def test_password_reset_and_sessions_pages_are_sentence_case(client, django_user_model):
    html = client.get(reverse("account_reset_password")).content.decode()
    assert "Forgot your password?" in html and "Password Reset" not in html
    user = django_user_model.objects.create_user("a@example.com", "pw-long-enough-1")
    client.force_login(user)
    html = client.get(reverse("usersessions_list")).content.decode()
    assert "Where you are logged in" in html
    assert 'class="events stack"' in html and '<th scope="col">Browser</th>' in html
    html = client.get(reverse("mfa_index")).content.decode()
    assert "Two-step login" in html and "Two-Factor Authentication" not in html


def test_the_password_rules_are_one_plain_line_under_the_label(client):
    html = client.get(reverse("account_signup")).content.decode()
    help_text = re.search(r'<p class="help" id="id_password1_helptext">(.*?)</p>', html, re.S)
    assert help_text.group(1) == (
        "At least 10 characters, not only numbers, not a common password and not like your "
        "name or email."
    )
    assert "<ul" not in help_text.group(1)
    # The stock placeholders only repeated the labels.
    assert 'placeholder="Password' not in html and 'placeholder="Email address"' not in html
    html = client.get(reverse("account_signup"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Al menos 10 caracteres, no solo números" in html
    assert "Su contraseña" not in html


def test_forgot_your_password_is_offered_once_on_the_login_page(client):
    html = client.get(reverse("account_login")).content.decode()
    assert html.count(reverse("account_reset_password")) == 1
    assert 'id="id_password_helptext"' not in html
