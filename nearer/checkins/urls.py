from django.urls import path

from nearer.checkins import views

app_name = "checkins"

urlpatterns = [
    path("check-in/", views.checkin, name="checkin"),
    path("check-in/<int:pk>/share/", views.checkin_share, name="checkin_share"),
    path("state-of-us/", views.meeting, name="meeting"),
]
