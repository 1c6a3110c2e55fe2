import logging

from nearer.audit.models import SecurityEvent
from nearer.core.client import client_ip
from nearer.core.logs import event

Kind = SecurityEvent.Kind
logger = logging.getLogger("nearer.security")


def record(user, kind: str, request=None, detail: str = "") -> SecurityEvent | None:
    if user is None or not getattr(user, "pk", None):
        return None
    ip = client_ip(request)
    # The operator's log gets the kind of event, whose account (by id) and from where; the
    # detail (a token's name, say) stays in the person's own security log.
    event(logger, f"security.{kind}", user=user.pk, ip=ip)
    return SecurityEvent.objects.create(
        user=user,
        kind=kind,
        ip=ip,
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request else "")[:160],
        detail=detail[:120],
    )


def recent(user, limit: int = 100):
    return SecurityEvent.objects.filter(user=user)[:limit]
