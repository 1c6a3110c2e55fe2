"""Invitation links: single use, seven days, revocable, shown again; every misuse explained."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from nearer.couples import services
from nearer.couples.models import Invite
from nearer.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def inviter():
    return make_user("ines@example.com", "Ines")


@pytest.fixture
def joiner():
    return make_user("jo@example.com", "Jo")


def join_url(token):
    return reverse("couples:join", args=[token])


def test_invite_link_is_stored_hashed_and_shown_again(inviter, client_for):
    invite, raw = services.create_invite(inviter)
    assert raw not in invite.token_hash
    assert raw.encode() not in bytes(invite.token_encrypted)
    page = client_for(inviter).get(reverse("couples:settings"))
    assert raw in page.content.decode()


def test_anonymous_visitor_is_asked_to_sign_up_or_log_in(inviter, client):
    _invite, raw = services.create_invite(inviter)
    page = client.get(join_url(raw))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ines invited you" in html
    assert reverse("account_signup") + "?next=" in html


def test_partner_joins_and_both_are_linked(inviter, joiner, client_for):
    _invite, raw = services.create_invite(inviter)
    response = client_for(joiner).post(join_url(raw))
    assert response.status_code == 302
    services.forget_state(inviter, joiner)
    assert services.state_of(inviter).partner == joiner
    assert services.state_of(joiner).partner == inviter


@pytest.mark.django_db(transaction=True)
def test_joining_tells_the_inviter_through_the_worker(inviter, joiner, client_for):
    from django_tasks_db.models import DBTaskResult

    _invite, raw = services.create_invite(inviter)
    client_for(joiner).post(join_url(raw))
    assert mail.outbox == []  # queued, not sent in the request
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [inviter.email]
    assert "Jo has joined you" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("spoil", "status", "words"),
    [
        ("expired", 410, "has expired"),
        ("used", 410, "already been used"),
        ("revoked", 410, "withdrawn"),
        ("unknown", 404, "not valid"),
    ],
)
def test_spoiled_links_explain_themselves(inviter, joiner, client_for, spoil, status, words):
    _invite, raw = services.create_invite(inviter)
    client = client_for(joiner)
    if spoil == "expired":
        with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
            response = client.post(join_url(raw))
    else:
        if spoil == "used":
            services.accept_invite(make_user("kim@example.com", "Kim"), raw)
        elif spoil == "revoked":
            services.revoke_invite(inviter)
        elif spoil == "unknown":
            raw = "no-such-token"
        response = client.post(join_url(raw))
    assert response.status_code == status
    assert words in response.content.decode()
    services.forget_state(joiner)
    assert not services.state_of(joiner).is_linked


def test_link_still_works_just_before_seven_days(inviter, joiner):
    _invite, raw = services.create_invite(inviter)
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        services.accept_invite(joiner, raw)
    services.forget_state(joiner)
    assert services.state_of(joiner).partner == inviter


def test_a_third_person_cannot_join_a_full_space(cast, client_for):
    # A and B are linked; an old link of A's space must not let anyone else in.
    couple = services.state_of(cast.a).couple
    stray = Invite.objects.filter(couple=couple).first()
    stray.used_at = None
    stray.revoked_at = None
    stray.save()
    raw = services.invite_token(stray)
    response = client_for(cast.solo).post(join_url(raw))
    assert response.status_code == 410
    assert "no longer open" in response.content.decode()
    assert couple.memberships.filter(left_at__isnull=True).count() == 2


def test_opening_your_own_link_is_explained(inviter, client_for):
    _invite, raw = services.create_invite(inviter)
    response = client_for(inviter).post(join_url(raw))
    assert response.status_code == 409
    assert "your own invitation" in response.content.decode()


def test_someone_already_linked_cannot_join_another_space(cast, inviter, client_for):
    _invite, raw = services.create_invite(inviter)
    response = client_for(cast.a).post(join_url(raw))
    assert response.status_code == 409
    assert "already linked" in response.content.decode()
    services.forget_state(cast.a)
    assert services.state_of(cast.a).partner == cast.b


def test_linked_person_cannot_create_invite(cast, client_for):
    response = client_for(cast.a).post(reverse("couples:invite_create"), follow=True)
    assert "already has two people" in response.content.decode()
    assert not Invite.objects.pending().filter(couple=services.state_of(cast.a).couple).exists()


def test_new_link_replaces_the_old_one(inviter, joiner):
    _first, old = services.create_invite(inviter)
    _second, new = services.create_invite(inviter)
    with pytest.raises(services.CoupleError) as error:
        services.accept_invite(joiner, old)
    assert error.value.code == "revoked"
    services.accept_invite(joiner, new)


def test_joiner_with_own_waiting_space_moves_over(inviter, joiner):
    services.create_invite(joiner)  # Jo had started a space of their own
    _invite, raw = services.create_invite(inviter)
    services.accept_invite(joiner, raw)
    services.forget_state(joiner)
    assert services.state_of(joiner).partner == inviter


def test_api_accept_reports_code_and_message(inviter, joiner, client_for):
    _invite, raw = services.create_invite(inviter)
    services.revoke_invite(inviter)
    response = client_for(joiner).post(
        "/api/v1/couple/accept", {"token": raw}, content_type="application/json"
    )
    assert response.status_code == 410
    assert response.json()["code"] == "revoked"


def test_api_invite_create_accept_flow(inviter, joiner, client_for):
    created = client_for(inviter).post("/api/v1/couple/invite")
    assert created.status_code == 200
    url = created.json()["invite"]["url"]
    token = url.rstrip("/").rsplit("/", 1)[-1]
    accepted = client_for(joiner).post(
        "/api/v1/couple/accept", {"token": token}, content_type="application/json"
    )
    assert accepted.status_code == 200
    assert accepted.json()["partner"] == {"display_name": "Ines"}


def test_api_invite_revoke(inviter, client_for):
    client = client_for(inviter)
    client.post("/api/v1/couple/invite")
    response = client.delete("/api/v1/couple/invite")
    assert response.json()["invite"] is None
    assert not Invite.objects.pending().exists()


def test_joining_is_rate_limited(inviter, joiner, client_for):
    client = client_for(joiner)
    codes = [client.post(join_url(f"guess-{n}")).status_code for n in range(12)]
    assert codes[0] == 404
    assert codes[-1] == 429
