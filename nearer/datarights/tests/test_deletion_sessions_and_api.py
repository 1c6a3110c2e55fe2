"""Asking for deletion ends the person's other sessions and pauses their API tokens at once;
logging in again cancels it. Export and deletion through the API."""

import io
import json
import zipfile

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from nearer.accounts.models import ApiToken
from nearer.datarights import services
from nearer.datarights.models import ExportJob
from nearer.testing import PASSWORD, make_moment

pytestmark = pytest.mark.django_db


def logged_in(user, reauthenticate=True):
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    if reauthenticate:
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def bearer(raw):
    return {"Authorization": f"Bearer {raw}"}


def test_asking_for_deletion_ends_other_sessions_and_pauses_tokens(cast):
    phone, laptop = logged_in(cast.a), logged_in(cast.a)
    _token, raw = ApiToken.issue(cast.a, "script")
    assert phone.get(reverse("today")).status_code == 200
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 200
    assert UserSession.objects.filter(user=cast.a).count() == 2

    laptop.post(reverse("datarights:delete"), {"email": cast.a.email, "understood": "on"})

    assert phone.get(reverse("today")).status_code == 302, "the other session ended"
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 401
    assert not UserSession.objects.filter(user=cast.a).exists()

    logged_in(cast.a, reauthenticate=False)  # logging in again is the way back
    cast.a.refresh_from_db()
    assert cast.a.deletion_requested_at is None
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 200


def test_export_through_the_api_with_a_token(cast):
    make_moment(cast.a, title="picnic in the rain")
    _token, raw = ApiToken.issue(cast.a, "backup")
    client = Client()
    started = client.post("/api/v1/export", headers=bearer(raw))
    assert started.status_code == 202 and started.json()["status"] == "pending"
    job = ExportJob.objects.get(user=cast.a)
    services.run_export(job)
    status = client.get(f"/api/v1/export/{job.pk}", headers=bearer(raw)).json()
    assert status["status"] == "ready" and status["progress"] == 100 and status["ready_until"]
    download = client.get(f"/api/v1/export/{job.pk}/download", headers=bearer(raw))
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(download.content)) as zf:
        assert "picnic in the rain" in zf.read("export.json").decode()
    again = client.get(f"/api/v1/export/{job.pk}/download", headers=bearer(raw))
    assert again.status_code == 404
    other = client.get(f"/api/v1/export/{job.pk}", headers=bearer(ApiToken.issue(cast.b, "x")[1]))
    assert other.status_code == 404


def test_a_browser_session_must_confirm_the_password_first(cast, client_for):
    client = client_for(cast.a)
    assert client.post("/api/v1/export").status_code == 403
    body = json.dumps({"email": cast.a.email, "understood": True})
    response = client.post("/api/v1/account/deletion", body, content_type="application/json")
    assert response.status_code == 403
    cast.a.refresh_from_db()
    assert cast.a.deletion_requested_at is None and not ExportJob.objects.exists()


def test_deletion_request_and_cancel_through_the_api(cast):
    client, other = logged_in(cast.a), logged_in(cast.a)
    _token, raw = ApiToken.issue(cast.a, "script")
    wrong = json.dumps({"email": "not-mine@example.com", "understood": True})
    refused = client.post("/api/v1/account/deletion", wrong, content_type="application/json")
    assert refused.status_code == 422 and "not the email address" in refused.json()["detail"]

    body = json.dumps({"email": cast.a.email, "understood": True})
    asked = client.post("/api/v1/account/deletion", body, content_type="application/json")
    assert asked.status_code == 202 and asked.json()["deleted_after"]
    assert other.get(reverse("today")).status_code == 302  # other sessions ended
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 401  # token paused

    cancelled = client.delete("/api/v1/account/deletion")  # the asking session still works
    assert cancelled.status_code == 200 and cancelled.json()["deletion_requested"] is None
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 200


def test_a_token_that_asks_for_deletion_is_paused_with_the_others(cast):
    _token, raw = ApiToken.issue(cast.a, "script")
    body = json.dumps({"email": cast.a.email, "understood": True})
    asked = Client().post(
        "/api/v1/account/deletion", body, content_type="application/json", headers=bearer(raw)
    )
    assert asked.status_code == 202
    assert Client().get("/api/v1/me", headers=bearer(raw)).status_code == 401
