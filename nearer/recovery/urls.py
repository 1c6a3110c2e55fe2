from django.urls import path

from nearer.recovery import views

app_name = "recovery"

urlpatterns = [
    path("recovery/", views.index, name="index"),
    path("recovery/counter/<int:pk>/again/", views.start_again, name="start_again"),
    path("recovery/counter/<int:pk>/share/", views.counter_share, name="counter_share"),
    path("recovery/counter/<int:pk>/delete/", views.counter_delete, name="counter_delete"),
    path("recovery/sessions/", views.sessions, name="sessions"),
    path("recovery/sessions/<int:pk>/delete/", views.session_delete, name="session_delete"),
    path("recovery/medical-safety/", views.medical, name="medical"),
]
