from django.urls import path

from nearer.notes import views

app_name = "notes"

urlpatterns = [
    path("notes/", views.index, name="index"),
    path("notes/<int:pk>/delete/", views.delete, name="delete"),
    path("appreciations/", views.jar, name="jar"),
    path("appreciations/<int:pk>/delete/", views.jar_delete, name="jar_delete"),
]
