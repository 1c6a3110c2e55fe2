"""Rate limits for Nearer's own sensitive actions, on django-ratelimit's public API.

The limits are written next to allauth's in ``ACCOUNT_RATE_LIMITS`` in allauth's notation
(``"20/m/ip,10/h/user"``), so one setting shows every limit the app enforces. Addresses come
from ``nearer.core.client.client_ip`` (proxy-aware), the same as allauth's own limits.
"""

import logging

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from nearer.core.client import client_ip
from nearer.core.logs import event

logger = logging.getLogger("nearer.security")


def _ip_key(group, request):
    return client_ip(request) or "unknown"


def _user_key(group, request):
    return str(request.user.pk)


def limits(action: str) -> list[tuple[str, str]]:
    """``[("20/m", "ip"), ("10/h", "user")]`` for the action; [] when it is not limited."""
    spec = (getattr(settings, "ACCOUNT_RATE_LIMITS", None) or {}).get(action)
    if not spec:
        return []
    parsed = []
    for part in spec.split(","):
        amount, duration, per = part.strip().split("/")
        if per not in ("ip", "user"):
            raise ValueError(f"{action}: Nearer's limits count per ip or per user, not {per!r}")
        parsed.append((f"{amount}/{duration}", per))
    return parsed


def allow(request, action: str, dry_run: bool = False) -> bool:
    """Count one attempt at ``action`` (any method, GET too); False once the person or the
    address is over the limit. ``dry_run`` checks without counting."""
    allowed = True
    user = getattr(request, "user", None)
    for rate, per in limits(action):
        if per == "user" and not (user is not None and user.is_authenticated):
            continue
        if is_ratelimited(
            request,
            group=f"nearer.{action}.{per}",
            key=_user_key if per == "user" else _ip_key,
            rate=rate,
            increment=not dry_run,
        ):
            allowed = False
    if not allowed and not dry_run:
        event(logger, "ratelimit.exceeded", logging.WARNING, action=action, ip=client_ip(request))
    return allowed
