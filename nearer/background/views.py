import ipaddress
import json
import logging

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from nearer.background.health import readiness
from nearer.core.client import client_ip
from nearer.core.logs import event, where

logger = logging.getLogger("nearer.health")


def _operator(request) -> bool:
    token = settings.NEARER_HEALTH_TOKEN
    sent = request.headers.get("Authorization", "")
    if token and constant_time_compare(sent, f"Bearer {token}"):
        return True
    address = client_ip(request)
    return address is not None and ipaddress.ip_address(address).is_loopback


@never_cache
@require_GET
def ready(request):
    """For the operator: 200 while the database answers and a worker has been heard from in
    the last five minutes, else 503. Local requests, or ``Authorization: Bearer <token>``
    with NEARER_HEALTH_TOKEN; anyone else gets 404."""
    if not _operator(request):
        raise Http404
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        ok, report = readiness()
    except Exception as error:  # the operator is told what failed, in the log too
        event(logger, "health.failed", logging.ERROR, error=where(error))
        ok, report = False, {"database": "unavailable", "error": type(error).__name__}
    body = json.dumps(report, indent=1) + "\n"
    return HttpResponse(body, status=200 if ok else 503, content_type="application/json")
