from django.urls import path

from . import views

app_name = "sources"
# "Fetch now" and "import a file" collect items, so their views are content's (content/urls.py).
urlpatterns: list = [
    path("", views.source_list, name="list"),
    path("<int:source_id>/", views.source_edit, name="edit"),
]
