from django.urls import path

from . import views

app_name = "content"
urlpatterns: list = [
    path("evidence/<int:snapshot_id>/warc/", views.snapshot_download, name="snapshot_download"),
]

# Mounted by haidang/urls.py in the "sources" namespace, beside the sources screens they belong to.
source_patterns: list = [
    path("import/", views.import_file, name="import"),
    path("<int:source_id>/fetch/", views.fetch_now, name="fetch"),
]
