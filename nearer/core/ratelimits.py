"""Rate limits for Nearer's own sensitive actions, on allauth's limiter and cache.

The limits live with allauth's in ``ACCOUNT_RATE_LIMITS`` (per IP and per account), so one
setting shows every limit the app enforces.
"""

from allauth.core import ratelimit


def allow(request, action: str) -> bool:
    """Count one attempt at ``action``; False once the person or address is over the limit."""
    user = request.user if request.user.is_authenticated else None
    return ratelimit.consume(request, action=action, user=user)
