from django.urls import path

from haidang.content.api import ItemPushView

app_name = "api"
urlpatterns: list = [
    path("items", ItemPushView.as_view(), name="items"),
]
