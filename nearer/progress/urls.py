from django.urls import path

from nearer.progress import views

app_name = "progress"

urlpatterns = [
    path("progress/", views.index, name="index"),
    path("progress/csi/", views.csi, name="csi"),
    path("progress/share/", views.share, name="share"),
    path("help/", views.help_page, name="help"),
    path("help/summary/", views.summary_view, name="summary"),
]
