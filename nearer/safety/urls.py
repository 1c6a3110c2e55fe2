from django.urls import path

from nearer.safety import views

app_name = "safety"

urlpatterns = [
    path("safety/check/", views.check, name="check"),
    path("settings/gentle/", views.gentle, name="gentle"),
]
