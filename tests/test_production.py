"""Production settings: refuse to start half-configured, pass check --deploy, send the headers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def run(code_or_args, tmp_path, **overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DATABASE_URL", "NEARER_", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC")
        )
    }
    env.update(
        NEARER_ENV="production",
        NEARER_DATA_DIR=str(tmp_path),
        SECRET_KEY="x" * 64 + "-a-long-random-production-secret",
        ALLOWED_HOSTS="nearer.example",
        NEARER_SERVER_KEY=Fernet.generate_key().decode(),
        DJANGO_SETTINGS_MODULE="nearer.settings",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "NEARER_SERVER_KEY"])
def test_refuses_to_start_without_a_required_setting(tmp_path, missing):
    result = run(["manage.py", "check"], tmp_path, **{missing: None})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_rejects_a_malformed_boolean(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_production_headers(tmp_path):
    code = """
import json, django
django.setup()
from django.test import Client
plain = Client().get("/", HTTP_HOST="nearer.example")
secure = Client().get("/", HTTP_HOST="nearer.example", secure=True)
print(json.dumps({"plain": [plain.status_code, plain.get("Location")],
                  "secure": dict(secure.headers), "cookies": secure.cookies.output()}))
"""
    collected = run(["manage.py", "collectstatic", "--noinput", "-v0"], tmp_path)
    assert collected.returncode == 0, collected.stderr
    result = run(code, tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["plain"] == [301, "https://nearer.example/"]
    headers = data["secure"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]


def test_production_cookies_are_secure(tmp_path):
    code = """
import django
django.setup()
from django.conf import settings
print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,
      settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE)
"""
    result = run(code, tmp_path)
    assert result.stdout.split() == ["True", "True", "True", "Lax"]


def test_postgres_url_turns_on_connection_pooling(tmp_path):
    code = """
import django
django.setup()
from django.conf import settings
db = settings.DATABASES["default"]
print(db["ENGINE"], bool(db["OPTIONS"].get("pool")))
"""
    result = run(code, tmp_path, DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    assert result.stdout.split() == ["django.db.backends.postgresql", "True"]
