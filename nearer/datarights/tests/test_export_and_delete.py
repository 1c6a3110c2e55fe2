"""Export (background, once, time-limited) and deletion (grace period, then gone for good)."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nearer import crypto
from nearer.datarights import services
from nearer.datarights.models import ExportArchive, ExportJob
from nearer.plans import services as plans
from nearer.safety import services as safety
from nearer.testing import PASSWORD, make_moment
from nearer.timeline.models import Moment
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def unzip(blob):
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return json.loads(zf.read("export.json")), zf.read("export.html").decode()


def records(data, kind):
    return [
        record
        for section in data["sections"].values()
        for record in section["records"]
        if record["type"] == kind
    ]


def fill(cast):
    mine_private = make_moment(cast.a, Visibility.PRIVATE, title="my private memory")
    mine_shared = make_moment(cast.a, Visibility.SHARED, title="our shared memory")
    partner_shared = make_moment(cast.b, Visibility.SHARED, title="from Ben, shared")
    partner_private = make_moment(cast.b, Visibility.PRIVATE, title="Ben's own secret")
    plans.save_intake(cast.a, {"situations": ["general"], "hopes": "closer again"}, {})
    safety.record(cast.a, {"afraid": "no", "control": "no", "harm": "no", "unsafe_home": "no"})
    return mine_private, mine_shared, partner_shared, partner_private


def test_export_contains_everything_authored_or_visible_and_nothing_else(cast):
    fill(cast)
    client = logged_in(cast.a)
    response = client.post(reverse("datarights:export"))
    assert response.status_code == 302
    job = ExportJob.objects.get(user=cast.a)
    services.run_export(job)
    job.refresh_from_db()
    assert job.status == "ready" and job.progress == 100
    stored = bytes(ExportArchive.objects.get(job=job).data)
    assert stored and b"closer again" not in stored, "stored encrypted"

    download = client.get(reverse("datarights:export_download", args=[job.pk]))
    assert download.status_code == 200
    data, html = unzip(download.content)
    assert data["format"] == "nearer-export" and data["version"] == 2
    moments = {m["data"]["title"]: m for m in records(data, "timeline.moment")}
    assert set(moments) == {"my private memory", "our shared memory", "from Ben, shared"}
    assert moments["from Ben, shared"]["whose"] == "partner"
    assert moments["from Ben, shared"]["written_by"] == "Ben"
    assert moments["our shared memory"]["whose"] == "mine"
    assert records(data, "plans.intake")[0]["data"]["hopes"] == "closer again"
    assert records(data, "safety.safetycheck")[0]["data"]["answers"]["afraid"] == "no"
    assert records(data, "accounts.user")[0]["data"]["email"] == cast.a.email
    assert "our shared memory" in html and "Ben's own secret" not in html
    assert "Written by Ben, your partner" in html
    # Once only, and the archive is gone.
    assert client.get(reverse("datarights:export_download", args=[job.pk])).status_code == 404
    assert not ExportArchive.objects.filter(job=job).exists()


def test_partners_export_never_contains_my_private_or_safety_answers(cast):
    fill(cast)
    job = ExportJob.objects.create(user=cast.b)
    services.run_export(job)
    data, _html = unzip(services.take_download(job))
    dumped = json.dumps(data)
    assert "my private memory" not in dumped and "closer again" not in dumped
    assert records(data, "safety.safetycheck") == []
    assert "our shared memory" in dumped


@pytest.mark.django_db(transaction=True)
def test_export_runs_in_the_worker(cast):
    client = logged_in(cast.a)
    client.post(reverse("datarights:export"))
    job = ExportJob.objects.get()
    assert job.status == "pending"
    page = client.get(reverse("datarights:index")).content.decode()
    assert "Preparing your export" in page and 'hx-trigger="every 2s"' in page
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    job.refresh_from_db()
    assert job.status == "ready"
    status = client.get(
        reverse("datarights:export_status", args=[job.pk]), headers={"HX-Request": "true"}
    )
    assert "Download your export" in status.content.decode()


def test_export_expires(cast):
    job = ExportJob.objects.create(user=cast.a)
    services.run_export(job)
    with time_machine.travel(timezone.now() + timedelta(hours=49)):
        assert services.expire_exports() == 1
        assert not ExportArchive.objects.filter(job=job).exists()
        assert services.take_download(job) is None


def test_export_and_delete_need_a_fresh_password(cast, client_for):
    client = client_for(cast.a)
    assert "reauthenticate" in client.post(reverse("datarights:export"))["Location"]
    response = client.post(
        reverse("datarights:delete"), {"email": cast.a.email, "understood": "on"}
    )
    assert "reauthenticate" in response["Location"]
    cast.a.refresh_from_db()
    assert cast.a.deletion_requested_at is None


def test_delete_asks_for_the_email_and_explains_errors(cast):
    client = logged_in(cast.a)
    response = client.post(
        reverse("datarights:delete"), {"email": "wrong@example.com", "understood": "on"}
    )
    assert response.status_code == 400
    assert "not the email address" in response.content.decode()


def test_logging_in_during_the_grace_period_cancels_deletion(cast):
    client = logged_in(cast.a)
    client.post(reverse("datarights:delete"), {"email": cast.a.email, "understood": "on"})
    cast.a.refresh_from_db()
    assert cast.a.deletion_requested_at is not None
    assert client.get(reverse("today")).status_code == 302  # logged out
    with time_machine.travel(timezone.now() + timedelta(days=13)):
        again = Client()
        again.post(reverse("account_login"), {"login": cast.a.email, "password": PASSWORD})
        cast.a.refresh_from_db()
        assert cast.a.deletion_requested_at is None
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        assert services.purge_due_accounts() == 0
    assert get_user_model().objects.filter(pk=cast.a.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_after_the_grace_period_the_worker_deletes_everything_and_the_key(cast):
    mine_private, mine_shared, partner_shared, partner_private = fill(cast)
    ciphertext = crypto.encrypt(cast.a, "something only Ada could read")
    client = logged_in(cast.a)
    client.post(reverse("datarights:delete"), {"email": cast.a.email, "understood": "on"})
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert get_user_model().objects.filter(pk=cast.a.pk).exists(), "not before 14 days"
    with time_machine.travel(timezone.now() + timedelta(days=14, minutes=1)):
        call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert not get_user_model().objects.filter(pk=cast.a.pk).exists()
    assert {m.title for m in Moment.objects.all()} == {
        "from Ben, shared",
        "Ben's own secret",
    }
    # Nothing left anywhere that points at the person.
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if getattr(field, "related_model", None) is get_user_model() and field.concrete:
                assert not model._default_manager.filter(**{field.attname: cast.a.pk}).exists(), (
                    model
                )
    # The old ciphertext cannot be read with any key still on the server.
    for user in get_user_model().objects.all():
        with pytest.raises(ValueError):
            crypto.decrypt(user, ciphertext)
    # The partner is now on their own, with their words intact.
    from nearer.couples.services import forget_state, state_of

    forget_state(cast.b)
    assert state_of(cast.b).partner is None
