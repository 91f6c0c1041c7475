from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from haidang.core import views as core_views

urlpatterns = [
    path("", core_views.dashboard, name="dashboard"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("jobs/<int:job_id>/", core_views.job_detail, name="job_detail"),
    path("sources/", include("haidang.sources.urls")),
    path("content/", include("haidang.content.urls")),
    path("analysis/", include("haidang.analysis.urls")),
    path("alerts/", include("haidang.alerts.urls")),
    path("cases/", include("haidang.cases.urls")),
    path("coordination/", include("haidang.coordination.urls")),
    path("reports/", include("haidang.reports.urls")),
    path("api/v1/", include("haidang.api.urls")),
]
