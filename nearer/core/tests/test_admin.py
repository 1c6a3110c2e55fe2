"""The admin needs staff status and two-factor authentication; others learn nothing."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from nearer.testing import make_user

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_log_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 302 and login["Location"].startswith(reverse("account_login"))


def test_people_who_are_not_staff_get_404(cast, client_for):
    client = client_for(cast.a)
    assert client.get("/admin/login/").status_code == 404
    assert client.get("/admin/accounts/user/").status_code in (302, 404)


def test_staff_without_mfa_are_asked_to_turn_it_on(client_for):
    staff = make_user("staff@example.com", "Staff", is_staff=True, is_superuser=True)
    client = client_for(staff)
    assert client.get("/admin/").status_code == 302
    page = client.get("/admin/login/")
    assert page.status_code == 403
    assert "Turn on two-factor authentication" in page.content.decode()


def test_staff_with_mfa_get_in(client_for):
    staff = make_user("staff@example.com", "Staff", is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client = client_for(staff)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200
