"""Keep pages with private content out of shared and browser caches."""

import logging


class PrivateCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response


class RejectNulMiddleware:
    """PostgreSQL cannot store NUL characters; forms already refuse them, and this gives
    the API the same clear 400 instead of a database error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/") and self._has_nul(request):
            from django.http import JsonResponse
            from django.utils.translation import gettext as _

            return JsonResponse({"detail": _("Text may not contain NUL characters.")}, status=400)
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if any("\x00" in key or "\x00" in value for key, value in request.GET.items()):
            return True
        if any("\x00" in value for value in request.headers.values()):
            return True
        body = request.body if request.method in ("POST", "PUT", "PATCH") else b""
        return b"\\u0000" in body or b"\x00" in body


class FailedRequestLogMiddleware:
    """One log line for every request that fails (status 400 and up, or an exception).

    The route's pattern is logged, never the path or its query (search words and invitation
    tokens live there), and a failed view's error by its kind and place only
    (nearer.core.logs.where), never its message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        started = time.monotonic()
        response = self.get_response(request)
        if response.status_code >= 400:
            from nearer.core.client import client_ip
            from nearer.core.logs import event

            user = getattr(request, "user", None)
            event(
                _request_logger,
                "request.failed",
                logging.ERROR if response.status_code >= 500 else logging.WARNING,
                method=request.method,
                # The route's pattern, not the path: paths carry tokens (invitations) and ids.
                route=_route(request),
                status=response.status_code,
                ms=round((time.monotonic() - started) * 1000),
                user=user.pk if user is not None and user.is_authenticated else None,
                ip=client_ip(request),
                error=getattr(request, "_nearer_error", None),
            )
        return response

    def process_exception(self, request, exception):
        from nearer.core.logs import where

        request._nearer_error = where(exception)
        return None


_request_logger = logging.getLogger("nearer.requests")


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return "/" + match.route
    return "(no route)"
