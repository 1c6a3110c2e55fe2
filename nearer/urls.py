from django.contrib import admin
from django.urls import include, path

from nearer.api import api
from nearer.core import views as core

urlpatterns = [
    path("", core.landing, name="landing"),
    path("today/", core.today, name="today"),
    path("safety/", core.safety, name="safety"),
    path("healthz", core.healthz, name="healthz"),
    path("", include("nearer.core.app_urls")),  # manifest, service worker, favicon, offline
    path("accounts/", include("allauth.urls")),
    path("", include("nearer.accounts.urls")),
    path("", include("nearer.couples.urls")),
    path("", include("nearer.timeline.urls")),
    path("", include("nearer.library.urls")),
    path("", include("nearer.plans.urls")),
    path("", include("nearer.safety.urls")),
    path("", include("nearer.audit.urls")),
    path("", include("nearer.datarights.urls")),
    path("", include("nearer.questions.urls")),
    path("", include("nearer.notes.urls")),
    path("", include("nearer.checkins.urls")),
    path("", include("nearer.talks.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
