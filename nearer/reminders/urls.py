from django.urls import path

from nearer.reminders import views

app_name = "reminders"

urlpatterns = [
    path("reminders/", views.settings_page, name="settings"),
    path("reminders/push/", views.push_subscribe, name="push_subscribe"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
