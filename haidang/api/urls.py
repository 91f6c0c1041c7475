from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("alerts", views.AlertViewSet, basename="alert")
router.register("stories", views.StoryViewSet, basename="story")
router.register("items", views.ItemViewSet, basename="item")
router.register("reports", views.ReportViewSet, basename="report")
router.register("cases", views.CaseViewSet, basename="case")
router.register("consultations", views.ConsultationViewSet, basename="consultation")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("grievances", views.GrievanceViewSet, basename="grievance")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("exports", views.ExportViewSet, basename="export")

# Swagger UI and Redoc set styles inline (their scripts stay 'self', from drf-spectacular-sidecar).
_inline_styles = csp_update({"style-src": ["'self'", "'unsafe-inline'"]})

urlpatterns: list = [
    # POST /api/v1/items (no slash) is the collectors' push, where they know it; GET /api/v1/items/ reads.
    path("items", views.PushItemsView.as_view(), name="items"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", _inline_styles(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("redoc/", _inline_styles(SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html")),
         name="redoc"),
    path("", include(router.urls)),
]
