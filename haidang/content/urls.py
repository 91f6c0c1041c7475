from django.urls import path

from . import views

app_name = "content"
urlpatterns: list = [
    path("", views.feed, name="feed"),
    path("batch/", views.batch, name="batch"),
    path("items/<int:item_id>/", views.item_detail, name="item"),
    path("items/<int:item_id>/verdict/", views.verdict, name="verdict"),
    path("evidence/<int:snapshot_id>/warc/", views.snapshot_download, name="snapshot_download"),
]
