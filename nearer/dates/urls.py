from django.urls import path

from nearer.dates import views

app_name = "dates"

urlpatterns = [
    path("dates/", views.index, name="index"),
    path("dates/propose/", views.propose, name="propose"),
    path("dates/ideas/", views.ideas, name="ideas"),
    path("dates/ideas/<str:key>/mark/", views.mark_idea, name="mark_idea"),
    path("dates/reflect/", views.reflect, name="reflect"),
    path("dates/tried-new/", views.tried_new, name="tried_new"),
    path("dates/<int:pk>/", views.detail, name="detail"),
    path("dates/<int:pk>/accept/<int:time_pk>/", views.accept, name="accept"),
    path("dates/<int:pk>/suggest/", views.suggest, name="suggest"),
    path("dates/<int:pk>/decline/", views.decline, name="decline"),
    path("dates/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("dates/<int:pk>/event.ics", views.event_ics, name="event_ics"),
    path("together/", views.series, name="series"),
    path("together/<int:pk>/edit/", views.series_edit, name="series_edit"),
    path("together/<int:pk>/skip/", views.series_skip, name="series_skip"),
    path("together/<int:pk>/unskip/", views.series_unskip, name="series_unskip"),
    path("together/<int:pk>/delete/", views.series_delete, name="series_delete"),
    path("together/<int:pk>/events.ics", views.series_ics, name="series_ics"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/feed/", views.feed_settings, name="feed_settings"),
    path("calendar/feed/<str:token>.ics", views.feed, name="feed"),
    path("distance/", views.distance_page, name="distance"),
    path("distance/free/", views.free_add, name="free_add"),
    path("distance/free/<int:pk>/delete/", views.free_delete, name="free_delete"),
    path("distance/visits/", views.visit_add, name="visit_add"),
    path("distance/visits/<int:pk>/edit/", views.visit_edit, name="visit_edit"),
    path("distance/visits/<int:pk>/delete/", views.visit_delete, name="visit_delete"),
    path("distance/visits/<int:pk>/event.ics", views.visit_ics, name="visit_ics"),
]
