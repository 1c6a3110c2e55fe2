from django.urls import path

from nearer.audit import views

app_name = "audit"

urlpatterns = [path("settings/security/", views.events, name="events")]
