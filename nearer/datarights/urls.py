from django.urls import path

from nearer.datarights import views

app_name = "datarights"

urlpatterns = [
    path("settings/data/", views.index, name="index"),
    path("settings/data/export/", views.export_request, name="export"),
    path("settings/data/export/<uuid:pk>/", views.export_status, name="export_status"),
    path("settings/data/export/<uuid:pk>/download/", views.export_download, name="export_download"),
    path("settings/data/delete/", views.delete, name="delete"),
]
