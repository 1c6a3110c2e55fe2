"""The fixed cast every test can use: partners A and B, an outsider couple, a solo user."""

import os
from dataclasses import dataclass
from datetime import UTC, datetime, time

import pytest
import time_machine

from nearer.couples.services import forget_state
from nearer.testing import link, make_user


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        default=os.environ.get("NEARER_TEST_CLOCK", ""),
        metavar="HH:MM",
        help="run the whole suite as if the UTC time of day were HH:MM (today's date, the "
        "clock ticking on from there), to find tests that pass only at some hours; "
        "also NEARER_TEST_CLOCK",
    )


def pytest_configure(config):
    clock = config.getoption("--clock")
    if not clock:
        return
    try:
        hour = time.fromisoformat(clock)
    except ValueError:
        message = f"--clock wants a time of day such as 03:30, not {clock!r}"
        raise pytest.UsageError(message) from None
    start = datetime.combine(datetime.now(UTC).date(), hour, UTC)
    config._nearer_clock = time_machine.travel(start, tick=True)
    config._nearer_clock.start()


def pytest_unconfigure(config):
    if clock := getattr(config, "_nearer_clock", None):
        clock.stop()


def pytest_report_header(config):
    if getattr(config, "_nearer_clock", None):
        return f"clock: the suite runs as if it were {config.getoption('--clock')} UTC"


@pytest.fixture(autouse=True)
def _fast_passwords_and_own_data_dir(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = tmp_path  # exports and other files stay out of the real data folder
    settings.NEARER_DEV_OUTBOX = False  # tests that want the development outbox turn it on


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()  # rate-limit counters must not leak between tests
    yield


@pytest.fixture(autouse=True)
def _forget_data_keys():
    from nearer import crypto

    crypto.forget_keys()  # user ids are reused between tests; unwrapped keys must not be
    yield
    crypto.forget_keys()


@dataclass
class Cast:
    a: object
    b: object
    outsider: object
    outsider_partner: object
    solo: object

    def fresh(self):
        forget_state(self.a, self.b, self.outsider, self.outsider_partner, self.solo)
        return self


@pytest.fixture
def cast(db):
    a = make_user("ada@example.com", "Ada", "Europe/Paris")
    b = make_user("ben@example.com", "Ben", "America/New_York")
    outsider = make_user("oli@example.com", "Oli")
    outsider_partner = make_user("pat@example.com", "Pat")
    solo = make_user("sol@example.com", "Sol", "Pacific/Auckland")
    link(a, b)
    link(outsider, outsider_partner)
    return Cast(a, b, outsider, outsider_partner, solo).fresh()


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client logged in as ``user``."""
    from django.test import Client

    def make(user):
        c = Client()
        c.force_login(user)
        return c

    return make
