from django.urls import path

from . import views

app_name = "sources"
urlpatterns: list = [
    path("", views.source_list, name="list"),
    path("import/", views.import_file, name="import"),
    path("<int:source_id>/", views.source_edit, name="edit"),
    path("<int:source_id>/fetch/", views.fetch_now, name="fetch"),
]
