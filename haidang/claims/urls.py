from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("", views.claim_list, name="list"),
    path("new/", views.claim_new, name="new"),
    path("<int:claim_id>/", views.claim_detail, name="detail"),
    path("<int:claim_id>/approve/", views.claim_approve, name="approve"),
    path("matches/<int:match_id>/confirm/", views.match_confirm, name="match_confirm"),
    path("matches/<int:match_id>/reject/", views.match_reject, name="match_reject"),
    path("matches/<int:match_id>/stance/", views.match_stance, name="match_stance"),
]

# Served without log-in under settings.HAIDANG_PUBLIC_PATH (haidang/urls.py mounts them as "public:").
public_patterns = [
    path("", views.public_index, name="index"),
    path("dinh-chinh/<str:claim_id>/", views.public_claim, name="claim"),
    path("dinh-chinh.atom", views.public_feed, name="feed"),
]
