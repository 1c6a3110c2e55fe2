from django.urls import path

from nearer.desires import views

app_name = "desires"

urlpatterns = [
    path("desires/", views.index, name="index"),
    path("desires/together/", views.together, name="together"),
]
