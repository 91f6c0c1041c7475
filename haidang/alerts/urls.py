from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:alert_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:alert_id>/dismiss/", views.dismiss, name="dismiss"),
    path("<int:alert_id>/report/", views.report, name="report"),
    path("stories/", views.story_list, name="stories"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
]
