from django.urls import path

from . import views

urlpatterns: list = [
    path("", views.dashboard_view, name="dashboard"),
    path("jobs/<int:job_id>/", views.job_detail, name="job_detail"),
]

# The monitoring feed and the item page keep their addresses and names under /content/ (the
# "content" namespace, which haidang/urls.py composes from these and content's own patterns).
content_patterns: list = [
    path("", views.feed, name="feed"),
    path("batch/", views.batch, name="batch"),
    path("items/<int:item_id>/", views.item_detail, name="item"),
    path("items/<int:item_id>/verdict/", views.verdict, name="verdict"),
]
