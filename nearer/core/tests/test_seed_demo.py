from io import StringIO

import pytest
from django.core.management import call_command

from nearer.accounts.models import User
from nearer.couples import services

pytestmark = pytest.mark.django_db


def test_demo_couple_is_created_once_with_working_logins(client):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    lines = [line.split() for line in out.getvalue().splitlines() if "password:" in line]
    assert len(lines) == 2
    email, _label, password = lines[0]
    assert client.login(username=email, password=password)
    alex = User.objects.get(email=email)
    assert services.state_of(alex).partner.display_name == "Sam"

    again = StringIO()
    call_command("seed_demo", stdout=again)
    assert "not created" in again.getvalue()
    assert User.objects.count() == 2
