from django.urls import path

from nearer.talks import views

app_name = "talks"

urlpatterns = [path("talk/", views.talk, name="talk")]
