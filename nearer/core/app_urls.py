from django.urls import path

from nearer.core import app_views
from nearer.core.language import switch_language

urlpatterns = [
    path("manifest.webmanifest", app_views.manifest, name="manifest"),
    path("sw.js", app_views.service_worker, name="service_worker"),
    path("favicon.ico", app_views.favicon, name="favicon"),
    path("offline/", app_views.offline, name="offline"),
    path("language/", switch_language, name="set_language"),
]
