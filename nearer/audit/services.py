from nearer.audit.models import SecurityEvent

Kind = SecurityEvent.Kind


def client_ip(request) -> str | None:
    if request is None:
        return None
    # Behind a proxy, REMOTE_ADDR is the proxy; the proxy is trusted to set the header.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR")) or None


def record(user, kind: str, request=None, detail: str = "") -> SecurityEvent | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return SecurityEvent.objects.create(
        user=user,
        kind=kind,
        ip=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request else "")[:160],
        detail=detail[:120],
    )


def recent(user, limit: int = 100):
    return SecurityEvent.objects.filter(user=user)[:limit]
