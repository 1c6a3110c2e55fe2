from django.urls import path

from nearer.plans import views

app_name = "plans"

urlpatterns = [
    path("start/", views.start, name="start"),
    path("plan/", views.overview, name="overview"),
    path("plan/pause/", views.pause, name="pause"),
    path("plan/resume/", views.resume, name="resume"),
    path("plan/step/", views.mark, name="mark"),
]
