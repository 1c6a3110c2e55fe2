from django.urls import path

from nearer.journal import views

app_name = "journal"

urlpatterns = [
    path("journal/", views.index, name="index"),
    path("journal/new/", views.new, name="new"),
    path("journal/<int:pk>/", views.detail, name="detail"),
    path("journal/<int:pk>/edit/", views.edit, name="edit"),
    path("journal/<int:pk>/share/", views.share, name="share"),
    path("journal/<int:pk>/unshare/", views.unshare, name="unshare"),
    path("journal/<int:pk>/delete/", views.delete, name="delete"),
    path("exercise/<slug:key>/", views.exercise, name="exercise"),
]
