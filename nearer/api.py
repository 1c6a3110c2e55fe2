"""The JSON API at /api/v1/ (OpenAPI schema at /api/v1/openapi.json).

Two ways in: the browser session (with CSRF on unsafe methods) or a personal API token
sent as ``Authorization: Bearer nrr_…``. Every route needs one of them.
"""

from django.utils import timezone
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from nearer.accounts.models import TOKEN_PREFIX, ApiToken, hash_token
from nearer.audit import services as audit
from nearer.core import ratelimits


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        # Guessing tokens is throttled per address: past the limit even a right token is
        # refused for a while, so guessing gains nothing.
        if not ratelimits.allow(request, "nearer_api_token_failed", dry_run=True):
            return None
        found = None
        if token.startswith(TOKEN_PREFIX):
            found = (
                ApiToken.objects.active()
                .select_related("user")
                .filter(token_hash=hash_token(token))
                .first()
            )
        if found is None or not found.user.is_active:
            ratelimits.allow(request, "nearer_api_token_failed")
            return None
        now = timezone.now()
        # Record use at most once a minute: enough to show "last used", cheap on busy scripts.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        # The security log notes token use at most once an hour per token.
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 3600:
            audit.record(found.user, audit.Kind.TOKEN_USED, request, found.name)
        request.user = found.user
        return found.user


api = NinjaAPI(
    title="Nearer API",
    version="1",
    description="Everything you can do in Nearer's pages, for your own scripts and apps.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    # The Swagger page loads scripts from a CDN, which the strict CSP forbids; the schema
    # itself stays at /api/v1/openapi.json.
    docs_url=None,
    docs_decorator=require_GET,
)

api.add_router("/", "nearer.accounts.api.router")
api.add_router("/", "nearer.couples.api.router")
api.add_router("/", "nearer.timeline.api.router")
api.add_router("/", "nearer.library.api.router")
api.add_router("/", "nearer.plans.api.router")
api.add_router("/", "nearer.questions.api.router")
api.add_router("/", "nearer.notes.api.router")
api.add_router("/", "nearer.checkins.api.router")
api.add_router("/", "nearer.talks.api.router")
# deeper work (issue 12)
api.add_router("/", "nearer.journal.api.router")
api.add_router("/", "nearer.desires.api.router")
api.add_router("/", "nearer.cycle.api.router")
api.add_router("/", "nearer.trust.api.router")
api.add_router("/", "nearer.recovery.api.router")
api.add_router("/", "nearer.dreams.api.router")
