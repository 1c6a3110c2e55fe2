from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import TemplateView

page = TemplateView.as_view(template_name="baseline.html")
urlpatterns = [
    path("", page, name="home"),
    path("signed-in/", login_required(page), name="signed-in"),
]
