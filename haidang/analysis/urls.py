from django.urls import path

from . import views

app_name = "analysis"
urlpatterns = [
    path("watchlists/", views.watchlists, name="watchlists"),
    path("watchlists/<int:watchlist_id>/", views.watchlist_edit, name="watchlist_edit"),
    path("watchlists/<int:watchlist_id>/toggle/", views.watchlist_toggle, name="watchlist_toggle"),
    path("watchlists/live-preview/", views.live_preview, name="watchlist_live_preview"),
    path("watchlists/preview/", views.preview, name="watchlist_preview"),
]
