"""The JSON API at /api/v1/ (OpenAPI schema at /api/v1/openapi.json).

Two ways in: the browser session (with CSRF on unsafe methods) or a personal API token
sent as ``Authorization: Bearer nrr_…``. Every route needs one of them.
"""

from django.utils import timezone, translation
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.errors import Throttled
from ninja.security import HttpBearer, django_auth

from nearer.accounts.models import TOKEN_PREFIX, ApiToken, hash_token
from nearer.audit import services as audit
from nearer.core import ratelimits


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request, token):
        # Failed guesses are counted per client address (proxy-aware, nearer.core.client).
        # Once an address is over the limit it gets 429 for a while, whatever it sends; every
        # other address, and so every other person's valid token, is unaffected.
        if not ratelimits.allow(request, "nearer_api_token_failed", dry_run=True):
            raise Throttled(wait=60)
        found = None
        if token.startswith(TOKEN_PREFIX):
            found = (
                ApiToken.objects.active()
                .select_related("user")
                .filter(token_hash=hash_token(token))
                .first()
            )
        # A pending account deletion pauses every token until the person logs in again.
        if (
            found is None
            or not found.user.is_active
            or found.user.deletion_requested_at is not None
        ):
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
        request.api_token = found
        # The session's middleware saw no one; a token speaks its owner's saved language
        # (library text in answers included), like their pages do.
        if found.user.language:
            translation.activate(found.user.language)
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
api.add_router("/", "nearer.progress.api.router")
api.add_router("/", "nearer.datarights.api.router")
# time together
api.add_router("/", "nearer.dates.api.router")
api.add_router("/", "nearer.reminders.api.router")
# deeper work (issue 12)
api.add_router("/", "nearer.journal.api.router")
api.add_router("/", "nearer.desires.api.router")
api.add_router("/", "nearer.cycle.api.router")
api.add_router("/", "nearer.trust.api.router")
api.add_router("/", "nearer.recovery.api.router")
api.add_router("/", "nearer.dreams.api.router")
