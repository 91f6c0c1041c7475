from django.urls import path

from . import views

app_name = "content"
urlpatterns: list = [
    path("", views.feed, name="feed"),
    path("items/<int:item_id>/", views.item_detail, name="item"),
]
