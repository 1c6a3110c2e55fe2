from django.urls import path

from nearer.timeline import views

app_name = "timeline"

urlpatterns = [
    path("timeline/", views.index, name="index"),
    path("timeline/<int:pk>/", views.detail, name="detail"),
    path("timeline/<int:pk>/delete/", views.delete, name="delete"),
]
