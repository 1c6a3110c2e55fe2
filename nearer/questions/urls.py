from django.urls import path

from nearer.questions import views

app_name = "questions"

urlpatterns = [
    path("question/", views.today, name="today"),
    path("question/history/", views.history, name="history"),
    path("question/answers/<int:pk>/react/", views.react, name="react"),
    path("question/answers/<int:pk>/share/", views.share, name="share"),
    path("question/answers/<int:pk>/reply/", views.reply, name="reply"),
]
