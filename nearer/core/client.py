"""The client's address, read one way everywhere.

Behind ``NEARER_TRUSTED_PROXY_COUNT`` reverse proxies (default 0: none), each proxy appends
the address it received the request from to ``X-Forwarded-For``. The client's address is
therefore the entry that many places from the right; anything further left was written by
the client itself and is never trusted. With no proxies, ``REMOTE_ADDR`` is the client.

Rate limits, the security log and allauth (``ACCOUNT_ADAPTER.get_client_ip``) all read it
from here; nothing else reads ``REMOTE_ADDR`` or ``X-Forwarded-For``.
"""

import ipaddress

from django.conf import settings


def _valid(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[::1]:1234"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "1.2.3.4:1234"
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of the client that sent ``request`` (None when it cannot be known)."""
    if request is None:
        return None
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    hops = getattr(settings, "NEARER_TRUSTED_PROXY_COUNT", 0)
    if hops <= 0:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if len(forwarded) < hops:
        # Fewer entries than trusted proxies: the request did not come through all of them
        # (or a proxy is misconfigured). The nearest address we can vouch for is the peer.
        return remote
    return _valid(forwarded[-hops])
