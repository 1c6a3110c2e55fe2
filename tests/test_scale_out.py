"""Scale-out on one machine: two granian servers, each with its own data folder, share one
PostgreSQL database and one Redis, and nothing a person does depends on which one answers.

Runs in the PostgreSQL pass of `.ci/run` (it needs the servers to reach the test database,
so it skips, with its reason, when the suite runs on SQLite). README: "Several app servers".
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography.fernet import Fernet
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from nearer.testing import PASSWORD, make_user

ROOT = Path(__file__).resolve().parent.parent
REDIS = os.environ.get("NEARER_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis_is_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def _database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("scale-out needs PostgreSQL: it runs in the PostgreSQL pass of .ci/run")
    if not _redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(REDIS).flushdb()  # this test's own database number only
    shared = {
        # What several servers must share, as in production: the secrets, the database,
        # Redis for the cache (sessions' rate limits) and the tasks. Nothing else.
        "SECRET_KEY": secrets.token_hex(32),
        "NEARER_SERVER_KEY": Fernet.generate_key().decode(),
        "DATABASE_URL": _database_url(),
        "DATABASE_POOL": "false",
        "REDIS_URL": REDIS,
        "TASKS_BACKEND": "redis",
    }
    servers, procs = [], []
    try:
        for name in ("a", "b"):
            port = _free_port()
            env = {
                k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "NEARER_"))
            }
            env.update(
                shared,
                DJANGO_SETTINGS_MODULE="nearer.settings",
                NEARER_ENV="test",
                NEARER_DATA_DIR=str(tmp_path / name),  # each server its own folder
                PYTHONUNBUFFERED="1",
            )
            log = (tmp_path / f"{name}.log").open("w")
            procs.append(
                subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "granian"),
                        "--interface",
                        "wsgi",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--workers",
                        "1",
                        "nearer.wsgi:application",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            servers.append(f"http://127.0.0.1:{port}")
        for base in servers:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if requests.get(f"{base}/healthz", timeout=15).status_code == 200:
                        break
                except requests.RequestException:  # not listening yet, or still starting
                    pass
                if time.monotonic() > deadline:
                    logs = "".join(p.read_text() for p in tmp_path.glob("*.log"))
                    pytest.fail(f"{base} never answered /healthz:\n{logs[-3000:]}")
                time.sleep(0.5)
        yield servers
    finally:
        for proc in procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)
            except ProcessLookupError:
                pass  # already gone
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def _log_in(base: str, email: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": email, "password": PASSWORD},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:500]
    return session


def test_a_session_from_one_server_works_on_the_other_and_ends_on_both(two_servers):
    a, b = two_servers
    ada = make_user("ada@example.com", "Ada")
    # The suite hashes with MD5 for speed; the servers know only production's hashers.
    hasher = Argon2PasswordHasher()
    ada.password = hasher.encode(PASSWORD, hasher.salt())
    ada.save(update_fields=["password"])
    browser = _log_in(a, "ada@example.com")
    today = browser.get(f"{b}/today/", timeout=30, allow_redirects=False)
    assert today.status_code == 200 and "Ada" in today.text
    # Logging out on B ends the session A sees too.
    page = browser.get(f"{b}/accounts/logout/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    browser.post(
        f"{b}/accounts/logout/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{b}/accounts/logout/"},
        timeout=30,
    )
    assert browser.get(f"{a}/today/", timeout=30, allow_redirects=False).status_code == 302


def test_rate_limits_are_counted_across_servers(two_servers):
    a, b = two_servers
    # 20 bad API tokens a minute from one address: 12 on A and 12 on B pass that only if
    # both servers count in the same place.
    bad = {"Authorization": "Bearer not-a-real-token"}
    on_a = [
        requests.get(f"{a}/api/v1/today", headers=bad, timeout=30).status_code for _ in range(12)
    ]
    on_b = [
        requests.get(f"{b}/api/v1/today", headers=bad, timeout=30).status_code for _ in range(12)
    ]
    assert set(on_a) == {401}, on_a
    assert on_b[:8] == [401] * 8 and 429 in on_b[8:], on_b
