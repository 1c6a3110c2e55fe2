from django.urls import path

from nearer.trust import views

app_name = "trust"

urlpatterns = [
    path("trust/", views.index, name="index"),
    path("trust/statement/", views.statement, name="statement"),
    path("trust/statement/share/", views.statement_share, name="statement_share"),
    path("trust/statement/unshare/", views.statement_unshare, name="statement_unshare"),
    path("trust/commitment/<int:pk>/delete/", views.commitment_delete, name="commitment_delete"),
    path("trust/commitment/<int:pk>/kept/", views.kept, name="kept"),
    path("trust/kept/<int:pk>/noticed/", views.noticed, name="noticed"),
    path("trust/feelings/", views.feelings, name="feelings"),
]
