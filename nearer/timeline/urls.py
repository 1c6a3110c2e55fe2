from django.urls import path

from nearer.timeline import milestone_views, photo_views, views

app_name = "timeline"

urlpatterns = [
    path("timeline/", views.index, name="index"),
    path("timeline/<int:pk>/", views.detail, name="detail"),
    path("timeline/<int:pk>/delete/", views.delete, name="delete"),
    # photos (issue 12)
    path("timeline/<int:pk>/photos/", photo_views.add, name="photo_add"),
    path("timeline/photo/<int:pk>/", photo_views.show, name="photo"),
    path("timeline/photo/<int:pk>/delete/", photo_views.delete, name="photo_delete"),
    path("timeline/milestones/", milestone_views.choose, name="milestones"),
]
