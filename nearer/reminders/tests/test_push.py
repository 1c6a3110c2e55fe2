"""Web push: VAPID keys generated into the data folder, the payload encrypted for the browser
(RFC 8291) and delivered to a local HTTP server standing in for the push service, which
decrypts it with the browser's keys."""

import base64
import json
import os
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer

import http_ece
import pytest
import time_machine
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.urls import reverse

from nearer.reminders import push, services
from nearer.reminders.models import PushSubscription, Reminder

pytestmark = pytest.mark.django_db


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class PushService(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        PushService.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(201)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def push_service():
    PushService.received = []
    server = HTTPServer(("127.0.0.1", 0), PushService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/push/abc"
    server.shutdown()


@pytest.fixture
def browser_keys():
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return private, b64(public), os.urandom(16)


def test_vapid_keys_are_generated_once_into_the_data_folder(settings):
    key = push.public_key()
    path = settings.DATA_DIR / "vapid_private.pem"
    assert path.exists() and oct(path.stat().st_mode & 0o777) == "0o600"
    assert push.public_key() == key
    assert len(base64.urlsafe_b64decode(key + "==")) == 65  # an uncompressed P-256 point


def test_a_reminder_reaches_the_push_service_and_decrypts_in_the_browser(
    cast, settings, push_service, browser_keys, client_for
):
    settings.NEARER_PUSH_ALLOW_LOCAL = True
    private, p256dh, auth = browser_keys
    response = client_for(cast.b).post(
        reverse("reminders:push_subscribe"),
        {"endpoint": push_service, "keys": {"p256dh": p256dh, "auth": b64(auth)}},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert services.preference(cast.b).push is True
    services.save_preference(cast.b, email=False)
    # 12:00 in New York, outside Ben's quiet hours whatever the hour the suite runs at
    with time_machine.travel(datetime(2026, 11, 10, 17, 0, tzinfo=UTC), tick=True):
        services.schedule(cast.b, "date_proposed", "proposal:1")
        assert services.send_due() == 1
    ((headers, body),) = PushService.received
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["authorization"].startswith("vapid t=")
    assert f"k={push.public_key()}" in headers["authorization"]
    plain = http_ece.decrypt(body, private_key=private, auth_secret=auth, version="aes128gcm")
    assert json.loads(plain) == {
        "title": "A date idea is waiting for you",
        "body": "Open Nearer to see it and choose a time that suits you.",
        "url": "/dates/",
    }
    assert Reminder.objects.get().sent_at is not None


def test_a_subscription_the_browser_dropped_is_forgotten(cast, settings, browser_keys):
    class Gone(PushService):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(410)
            self.end_headers()

    server = HTTPServer(("127.0.0.1", 0), Gone)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.NEARER_PUSH_ALLOW_LOCAL = True
    _private, p256dh, auth = browser_keys
    push.subscribe(cast.a, f"http://127.0.0.1:{server.server_port}/x", p256dh, b64(auth))
    message = services.Message("t", "b", "/")
    assert push.send_to(cast.a, message) == 0
    assert not PushSubscription.objects.owned_by(cast.a).exists()
    server.shutdown()


def test_bad_subscriptions_get_a_clear_400(cast, client_for):
    client = client_for(cast.a)
    for body in ("not json", json.dumps({"endpoint": "http://evil.example/x", "keys": {}}),
                 json.dumps({"endpoint": "http://example.org/x",
                             "keys": {"p256dh": "a", "auth": "b"}})):  # fmt: skip
        response = client.post(
            reverse("reminders:push_subscribe"), body, content_type="application/json"
        )
        assert response.status_code == 400
    assert not PushSubscription.objects.exists()
