from django.contrib import admin
from django.urls import include, path

from nearer.api import api
from nearer.background import views as background
from nearer.core import views as core

urlpatterns = [
    path("", core.landing, name="landing"),
    path("today/", core.today, name="today"),
    path("safety/", core.safety, name="safety"),
    path("healthz", core.healthz, name="healthz"),
    path("healthz/ready", background.ready, name="healthz_ready"),
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
    path("", include("nearer.progress.urls")),
    # time together
    path("", include("nearer.dates.urls")),
    path("", include("nearer.reminders.urls")),
    # deeper work (issue 12)
    path("", include("nearer.journal.urls")),
    path("", include("nearer.desires.urls")),
    path("", include("nearer.cycle.urls")),
    path("", include("nearer.trust.urls")),
    path("", include("nearer.recovery.urls")),
    path("", include("nearer.dreams.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# Error pages in Nearer's layout, with the quick exit and a way back (nearer/core/errors.py).
handler400 = "nearer.core.errors.bad_request"
handler403 = "nearer.core.errors.permission_denied"
handler404 = "nearer.core.errors.not_found"
handler500 = "nearer.core.errors.server_error"
