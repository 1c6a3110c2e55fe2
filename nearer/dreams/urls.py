from django.urls import path

from nearer.dreams import views

app_name = "dreams"

urlpatterns = [
    path("dreams/", views.board, name="board"),
    path("dreams/<int:pk>/hold/", views.hold, name="hold"),
    path("dreams/<int:pk>/delete/", views.dream_delete, name="dream_delete"),
    path("goals/", views.goals, name="goals"),
    path("goals/<int:pk>/step/", views.add_step, name="add_step"),
    path("goals/<int:pk>/delete/", views.goal_delete, name="goal_delete"),
    path("goals/step/<int:pk>/toggle/", views.toggle_step, name="toggle_step"),
]
