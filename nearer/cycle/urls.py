from django.urls import path

from nearer.cycle import views

app_name = "cycle"

urlpatterns = [
    path("cycle/", views.index, name="index"),
    path("cycle/episode/", views.episode_new, name="episode_new"),
    path("cycle/episode/<int:pk>/delete/", views.episode_delete, name="episode_delete"),
    path("cycle/map/", views.my_map, name="map"),
    path("cycle/map/share/", views.map_share, name="map_share"),
    path("cycle/map/unshare/", views.map_unshare, name="map_unshare"),
    path("cycle/ours/", views.ours, name="ours"),
]
