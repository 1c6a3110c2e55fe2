"""Real worker processes, on both task backends: a love note scheduled two seconds ahead is
delivered at its time, exactly once, with two workers running; each periodic chore runs
once however many workers there are.

Each test runs its own project in a temporary data folder (SQLite) with two
``manage.py worker`` processes, and reads their JSON log lines.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from nearer.background.chores import CHORES

ROOT = Path(__file__).resolve().parents[3]
REDIS = os.environ.get("NEARER_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")

SETUP = """
import django, json, sys
django.setup()
from datetime import timedelta
from django.utils import timezone
from nearer.testing import link, make_user
from nearer.notes.models import Note
from nearer.notes.services import send_note
a = make_user("ada@example.com", "Ada")
b = make_user("ben@example.com", "Ben")
link(a, b)
results = []
def remember(sender, task_result, **kw):
    results.append(task_result.id)
from django.tasks import signals
signals.task_enqueued.connect(remember)
try:
    from django_tasks import signals as backport
    backport.task_enqueued.connect(remember)
except ImportError:
    pass
note = send_note(a, "SECRET-WORDS under the lamp", timezone.now() + timedelta(seconds=2))
print(json.dumps({"note": note.pk, "deliver_at": note.deliver_at.isoformat(), "task": results[-1]}))
"""

STATE = """
import django, json, sys
django.setup()
from nearer.notes.models import Note
from nearer.background.models import Heartbeat
from django.tasks import default_task_backend
note = Note.objects.filter(pk=int(sys.argv[1])).first() if len(sys.argv) > 1 else None
out = {"heartbeats": Heartbeat.objects.count()}
if note is not None:
    out["delivered_at"] = note.delivered_at.isoformat() if note.delivered_at else None
if len(sys.argv) > 2:
    result = default_task_backend.get_result(sys.argv[2])
    out["status"] = str(result.status)
    out["return_value"] = result.return_value if str(result.status).endswith("SUCCESSFUL") else None
print(json.dumps(out))
"""


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def _env(tmp_path, backend):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NEARER_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="nearer.settings",
        NEARER_ENV="test",
        NEARER_DATA_DIR=str(tmp_path),
        NEARER_LOG_FORMAT="json",
        NEARER_BEAT_INTERVAL="1",
        TASKS_BACKEND=backend,
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    if backend == "redis":
        env["REDIS_URL"] = REDIS
    return env


def _python(code, env, *args):
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _events(path):
    events = []
    for line in path.read_text().splitlines():
        if line.startswith("{"):
            try:
                events.append(json.loads(line))
            except ValueError:
                continue
    return events


def _chores_started(logs) -> set[str]:
    return {e["chore"] for log in logs for e in _events(log) if e.get("event") == "chore.started"}


def _wait(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return predicate()


@pytest.fixture(params=["database", "redis"])
def backend(request):
    if request.param == "redis":
        if not redis_is_up():
            if os.environ.get("CI"):
                pytest.fail("Redis is not running on 127.0.0.1:6379")
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        import redis

        redis.Redis.from_url(REDIS).flushdb()  # this test's own database number only
    return request.param


def test_scheduled_note_is_delivered_once_with_two_workers(tmp_path, backend):
    env = _env(tmp_path, backend)
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    logs = [tmp_path / "worker-1.log", tmp_path / "worker-2.log"]
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "worker"],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for log in logs
    ]
    try:
        # Both workers are up (each has said it is alive) before the note is written.
        assert _wait(lambda: _python(STATE, env)["heartbeats"] >= 2, 90), "workers never started"
        sent = _python(SETUP, env)
        state = _wait(
            lambda: (s := _python(STATE, env, str(sent["note"])))["delivered_at"] and s, 60
        )
        assert state and state["delivered_at"], "the note was never delivered"
        assert state["delivered_at"] >= sent["deliver_at"], "delivered before its time"
        time.sleep(4)  # room for a second, wrong delivery
        state = _python(STATE, env, str(sent["note"]), sent["task"])
        # On a busy machine the first beat's chores can still be queued here: give them
        # time to start before the workers stop (what they did is checked below).
        _wait(lambda: _chores_started(logs) == {chore.task for chore in CHORES}, 60)
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
    # The note's own task ran once, on one of the two workers, and it is what delivered it.
    events = [e for log in logs for e in _events(log)]
    runs = [
        e
        for e in events
        if e.get("event") in ("task.started", "task.retried") and e.get("id") == sent["task"]
    ]
    assert len(runs) == 1, runs
    # ... not before its moment (RQ keeps whole seconds; a start cut down would be early) ...
    started = datetime.fromisoformat(runs[0]["time"])
    assert started >= datetime.fromisoformat(sent["deliver_at"]), (runs, sent)
    assert state["status"].endswith("SUCCESSFUL")
    assert state["return_value"] is True
    # Each declared chore ran, and although two beats were running never twice in one
    # interval (a slow run of this test may see the one-minute chore twice, a minute apart).
    for chore in CHORES:
        times = sorted(
            datetime.fromisoformat(e["time"])
            for e in events
            if e.get("event") == "chore.started" and e["chore"] == chore.task
        )
        assert times, f"{chore.task} never ran"
        gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
        assert all(gap >= chore.every / 2 for gap in gaps), (chore.task, times)
    assert all(e.get("event") != "task.failed" for e in events)
    # What the person wrote never reached the log.
    assert not any("SECRET-WORDS" in log.read_text() for log in logs)


OVERDUE = """
import django, json
django.setup()
from datetime import timedelta
from django.utils import timezone
from nearer.background.beat import heartbeat
from nearer.background.health import readiness
from nearer.notes.tasks import deliver_note
now = timezone.now()
before = readiness(now)[1]
deliver_note.using(run_after=now - timedelta(minutes=7)).enqueue(1)
deliver_note.using(run_after=now + timedelta(minutes=7)).enqueue(2)
deliver_note.enqueue(3)
heartbeat("w:1", "redis", now)
ok, after = readiness(now)
print(json.dumps({"before": before, "after": after, "ok": ok,
                  "expected": (now - timedelta(minutes=7)).isoformat()}))
"""


def test_readiness_on_redis_reports_the_oldest_overdue_task(tmp_path):
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(REDIS).flushdb()
    env = _env(tmp_path, "redis")
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    out = _python(OVERDUE, env)
    assert out["before"]["worker"] == "silent"
    assert out["before"]["oldest_overdue_task"] is None
    assert out["ok"] is True
    # The task due seven minutes ago is the one reported (RQ keeps whole seconds, and
    # Nearer rounds start times up, never down).
    reported = datetime.fromisoformat(out["after"]["oldest_overdue_task"])
    late = reported - datetime.fromisoformat(out["expected"])
    assert 0 <= late.total_seconds() <= 1
