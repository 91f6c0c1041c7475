from django.urls import path

from . import views

app_name = "analysis"
urlpatterns = [
    path("watchlists/", views.watchlists, name="watchlists"),
    path("watchlists/preview/", views.preview, name="watchlist_preview"),
]
