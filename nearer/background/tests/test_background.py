"""The beat, the chore lease, pruning and the operator's readiness check."""

from datetime import UTC, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nearer.background import beat, health
from nearer.background.chores import CHORES, Chore
from nearer.background.models import ChoreState, Heartbeat
from nearer.background.tasks import prune, run_chore
from nearer.notes.tasks import deliver_note

pytestmark = pytest.mark.django_db


def chore_runs():
    return DBTaskResult.objects.filter(task_path="nearer.background.tasks.run_chore")


def test_every_declared_chore_is_a_task_without_arguments():
    from django.tasks import Task
    from django.utils.module_loading import import_string

    for chore in CHORES:
        assert isinstance(import_string(chore.task), Task), chore.task
        assert chore.every >= timedelta(seconds=30)


def test_each_due_chore_is_enqueued_once_however_many_beats_tick():
    now = timezone.now()
    first = beat.tick(now)
    assert sorted(first) == sorted(c.task for c in CHORES)
    # A second worker's beat at the same moment finds nothing left to claim.
    assert beat.tick(now) == []
    assert beat.tick(now + timedelta(seconds=30)) == []
    assert chore_runs().count() == len(CHORES)
    # A minute later only the one-minute chore is due again.
    again = beat.tick(now + timedelta(minutes=1, seconds=1))
    assert again == [c.task for c in CHORES if c.every <= timedelta(minutes=1)]


def test_a_chore_never_runs_twice_at_once():
    name = "nearer.notes.tasks.deliver_due_notes"
    ChoreState.objects.create(
        name=name, next_run_at=timezone.now(), lease_until=timezone.now() + timedelta(minutes=5)
    )
    assert run_chore.call(name) == "skipped"
    ChoreState.objects.filter(name=name).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert run_chore.call(name) == "done"
    state = ChoreState.objects.get(name=name)
    assert state.lease_until is None and state.last_outcome == "done"


def test_a_failing_chore_releases_its_lease(monkeypatch):
    from nearer.notes import services

    name = "nearer.notes.tasks.deliver_due_notes"
    ChoreState.objects.create(name=name, next_run_at=timezone.now())

    def broken():
        raise RuntimeError("no")

    monkeypatch.setattr(services, "deliver_due", broken)
    with pytest.raises(RuntimeError):
        run_chore.call(name)
    state = ChoreState.objects.get(name=name)
    assert state.lease_until is None and state.last_outcome == "failed"


def test_unknown_chore_is_refused():
    assert run_chore.call("nearer.nowhere.tasks.nothing") == "unknown"
    assert Chore("x", timedelta(hours=1)).timeout == timedelta(minutes=30)


def test_prune_forgets_old_finished_results_and_heartbeats():
    old = timezone.now() - timedelta(days=8)
    done = deliver_note.enqueue(1)
    waiting = deliver_note.enqueue(2)
    DBTaskResult.objects.filter(id=done.id).update(status="SUCCESSFUL", finished_at=old)
    Heartbeat.objects.create(worker="gone:1", backend="database", started_at=old, seen_at=old)
    Heartbeat.objects.create(
        worker="here:2", backend="database", started_at=old, seen_at=timezone.now()
    )
    assert prune(timezone.now()) == 1
    assert [str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)] == [waiting.id]
    assert list(Heartbeat.objects.values_list("worker", flat=True)) == ["here:2"]


def test_readiness_is_503_when_the_worker_has_been_silent_for_five_minutes(client):
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    assert response.json()["worker"] == "silent"
    beat.heartbeat("w:1", "database", timezone.now())
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json()["worker"] == "ok"
    Heartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5, seconds=1))
    assert client.get("/healthz/ready").status_code == 503


def test_readiness_reports_the_oldest_overdue_task():
    now = timezone.now()
    beat.heartbeat("w:1", "database", now)
    assert health.readiness(now)[1]["oldest_overdue_task"] is None
    deliver_note.using(run_after=now - timedelta(minutes=10)).enqueue(1)
    deliver_note.using(run_after=now - timedelta(minutes=3)).enqueue(2)
    deliver_note.using(run_after=now + timedelta(minutes=3)).enqueue(3)  # not due yet
    ok, report = health.readiness(now)
    assert ok
    assert report["oldest_overdue_task"] == (now - timedelta(minutes=10)).isoformat()


def test_readiness_is_for_the_operator_only(settings):
    beat.heartbeat("w:1", "database", timezone.now())
    remote = Client(REMOTE_ADDR="203.0.113.9")
    assert remote.get("/healthz/ready").status_code == 404
    settings.NEARER_HEALTH_TOKEN = "operator-secret"
    assert remote.get("/healthz/ready").status_code == 404
    wrong = {"Authorization": "Bearer guess"}
    assert remote.get("/healthz/ready", headers=wrong).status_code == 404
    right = {"Authorization": "Bearer operator-secret"}
    assert remote.get("/healthz/ready", headers=right).status_code == 200
    # Behind a proxy, a request the proxy received from afar is not local.
    settings.NEARER_TRUSTED_PROXY_COUNT = 1
    proxied = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert proxied.get("/healthz/ready").status_code == 404


def test_healthz_stays_cheap_and_public(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db(transaction=True)  # the worker opens its own transactions
def test_a_failing_task_is_logged_by_kind_and_place_without_its_message(monkeypatch, caplog):
    import logging

    from django.core.management import call_command

    from nearer.notes import services

    def broken():
        raise RuntimeError("the words someone wrote")

    monkeypatch.setattr(services, "deliver_due", broken)
    ChoreState.objects.create(
        name="nearer.notes.tasks.deliver_due_notes", next_run_at=timezone.now()
    )
    run_chore.enqueue("nearer.notes.tasks.deliver_due_notes")
    with caplog.at_level(logging.INFO):
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    events = {r.getMessage(): getattr(r, "fields", {}) for r in caplog.records}
    assert "task.started" in events and "chore.started" in events
    assert events["task.failed"]["error"].startswith("RuntimeError at ")
    assert events["chore.failed"]["error"].startswith("RuntimeError at ")
    assert not any("someone wrote" in str(fields) for fields in events.values())


def test_rq_start_times_are_rounded_up_never_down():
    from datetime import datetime

    from nearer.background.backends import round_up

    moment = datetime(2026, 1, 1, 7, 0, 0, 600000, tzinfo=UTC)
    assert round_up(moment) == datetime(2026, 1, 1, 7, 0, 1, tzinfo=UTC)
    whole = datetime(2026, 1, 1, 7, 0, 0, tzinfo=UTC)
    assert round_up(whole) == whole
    assert round_up(None) is None
