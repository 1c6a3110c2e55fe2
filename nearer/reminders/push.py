"""Web push: a VAPID key generated on first use (``NEARER_VAPID_KEY_FILE``, by default in
the data folder), and sending through pywebpush.

The payload is only the reminder's title, text and link (never anyone's words); pywebpush
encrypts it for the browser (RFC 8291) and signs the request with our VAPID key (RFC 8292).
"""

import json
import logging
from email.utils import parseaddr
from functools import cache

from django.conf import settings
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from nearer.reminders.models import PushSubscription

log = logging.getLogger(__name__)


def _key_path():
    return settings.NEARER_VAPID_KEY_FILE or settings.DATA_DIR / "vapid_private.pem"


@cache
def _vapid_for(path: str) -> Vapid:
    from pathlib import Path

    file = Path(path)
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        vapid = Vapid()
        vapid.generate_keys()
        vapid.save_key(str(file))
        file.chmod(0o600)
    return Vapid.from_file(str(file))


def vapid() -> Vapid:
    return _vapid_for(str(_key_path()))


def public_key() -> str:
    """The application server key, base64url, for ``pushManager.subscribe``."""
    import base64

    from cryptography.hazmat.primitives import serialization

    raw = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


class SubscriptionError(ValueError):
    pass


def subscribe(user, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Keep a browser's subscription; the push service's address must be https (or local)."""
    if not all(isinstance(v, str) and v for v in (endpoint, p256dh, auth)):
        raise SubscriptionError("incomplete")
    if not (endpoint.startswith("https://") or settings.DEBUG or _is_local(endpoint)):
        raise SubscriptionError("not https")
    if len(endpoint) > 1000 or len(p256dh) > 200 or len(auth) > 100:
        raise SubscriptionError("too long")
    sub, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
    )
    return sub


def _is_local(endpoint: str) -> bool:
    from urllib.parse import urlparse

    return urlparse(endpoint).hostname in ("127.0.0.1", "localhost") and bool(
        getattr(settings, "NEARER_PUSH_ALLOW_LOCAL", False)
    )


def send_to(user, message) -> int:
    payload = json.dumps({"title": message.subject, "body": message.body, "url": message.path})
    sent = 0
    for sub in PushSubscription.objects.owned_by(user):
        try:
            webpush(
                subscription_info={
                    "endpoint": sub.endpoint,
                    "keys": {"p256dh": sub.p256dh, "auth": sub.auth},
                },
                data=payload,
                vapid_private_key=vapid(),
                vapid_claims={"sub": f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}"},
                ttl=3600,
            )
            sent += 1
        except WebPushException as exc:
            status = getattr(exc.response, "status_code", None)
            if status in (404, 410):  # the browser dropped this subscription
                sub.delete()
            else:
                log.warning("web push failed with status %s", status)
    return sent
