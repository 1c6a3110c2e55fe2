from django.urls import path

from nearer.couples import views

app_name = "couples"

urlpatterns = [
    path("couple/", views.settings_page, name="settings"),
    path("couple/invite/", views.invite_create, name="invite_create"),
    path("couple/invite/revoke/", views.invite_revoke, name="invite_revoke"),
    path("couple/leave/", views.leave, name="leave"),
    path("join/<str:token>/", views.join, name="join"),
]
