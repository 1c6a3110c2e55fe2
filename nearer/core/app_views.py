"""The installable app: web app manifest, service worker, favicon and the offline page.

The service worker is a static file served from the site root so its scope is the whole
site (a worker under /static/ could only control /static/).
"""

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def _static_file(path) -> bytes:
    """A small file from the static folders (a few kilobytes: read whole, not streamed)."""
    found = finders.find(path)
    if not found:  # pragma: no cover - only when static files are missing altogether
        raise Http404(path)
    with open(found, "rb") as file:
        return file.read()


@require_GET
@cache_control(max_age=86400)
def manifest(request):
    data = {
        "name": _("Nearer"),
        "short_name": _("Nearer"),
        "description": _("Small daily moments for two people who want to feel close again."),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/today/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbf8f4",
        "theme_color": "#8a3b2e",
        "icons": [
            {"src": static("nearer/icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("nearer/icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("nearer/icons/maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("nearer/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json")


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    response = HttpResponse(
        _static_file("nearer/sw.js"), content_type="text/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
@cache_control(max_age=604800)
def favicon(request):
    return HttpResponse(_static_file("nearer/icons/favicon.ico"), content_type="image/x-icon")


@require_GET
def offline(request):
    """Shown by the service worker when there is no connection. Holds nothing personal."""
    return render(request, "core/offline.html")
