"""Settings helpers: loud failures, secrets from files, generated keys, EMAIL_URL."""

import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from nearer.email_url import parse_email_url
from nearer.env import env, env_bool, env_int, generated_secret


def test_env_bool_is_strict(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG", False) is True
    monkeypatch.setenv("FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be true or false"):
        env_bool("FLAG", False)


def test_env_int_is_strict(monkeypatch):
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("COUNT", 1)


def test_secret_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("SOME_KEY_FILE", str(secret))
    assert env("SOME_KEY") == "from-a-file"


def test_generated_secret_is_private_and_stable(tmp_path):
    path = tmp_path / "data" / "secret_key"
    first = generated_secret(path)
    assert generated_secret(path) == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(path.parent.iterdir()) == [path], "no temporary file left behind"


def test_email_url_smtp_with_tls():
    parsed = parse_email_url("smtp://me%40example.com:p%40ss@mail.example.com:587")
    assert parsed["EMAIL_HOST"] == "mail.example.com"
    assert parsed["EMAIL_PORT"] == 587
    assert parsed["EMAIL_HOST_USER"] == "me@example.com"
    assert parsed["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert parsed["EMAIL_USE_TLS"] is True and parsed["EMAIL_USE_SSL"] is False


def test_email_url_smtps_and_bad_scheme():
    assert parse_email_url("smtps://mail.example.com")["EMAIL_PORT"] == 465
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL must start with"):
        parse_email_url("pigeon://loft")
