"""TASKS_BACKEND=redis: a task goes through Redis and an RQ worker runs it."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS = os.environ.get("NEARER_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_is_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def test_task_runs_through_redis(tmp_path):
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NEARER_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="nearer.settings",
        TASKS_BACKEND="redis",
        REDIS_URL=REDIS,
        NEARER_DATA_DIR=str(tmp_path),
    )
    # Redis database 15 by default keeps this test's queue apart from anything else.
    code = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from nearer.couples.tasks import tell_inviter_partner_joined
result = tell_inviter_partner_joined.enqueue(1, 2)
call_command("rqworker", "default", job_class="django_tasks_rq.Job", burst=True)
result.refresh()
print("STATUS", result.status)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert "STATUS SUCCESSFUL" in out.stdout, out.stdout + out.stderr
