from django.urls import path

from nearer.library import views

app_name = "library"

urlpatterns = [
    path("library/", views.index, name="index"),
    path("library/<slug:key>/", views.detail, name="detail"),
]
