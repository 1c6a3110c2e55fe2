"""Rate limits for Nearer's own sensitive actions, on allauth's limiter and cache.

The limits live with allauth's in ``ACCOUNT_RATE_LIMITS`` (per IP and per account), so one
setting shows every limit the app enforces.
"""

from allauth.core.internal import ratelimit


def allow(request, action: str, dry_run: bool = False) -> bool:
    """Count one attempt at ``action`` (any method, GET too); False once the person or the
    address is over the limit. ``dry_run`` checks without counting."""
    user = request.user if request.user.is_authenticated else None
    usage = ratelimit.consume(
        request, app="allauth.account", action=action, user=user, dry_run=dry_run, limit_get=True
    )
    return usage is not None
