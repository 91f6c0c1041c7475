from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from haidang.accounts import views as accounts_views
from haidang.claims import urls as claims_urls
from haidang.content import urls as content_urls
from haidang.core import views as core_views
from haidang.desk import urls as desk_urls
from haidang.sources import urls as source_urls

urlpatterns = [
    path("", include(desk_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    # Log-in in two steps (password, then the second factor): haidang/accounts.
    path("accounts/login/", accounts_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("haidang.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/login/", accounts_views.admin_login_redirect),
    path("admin/", admin.site.urls),
    # A namespace may gather views of several layers: "fetch now" and "import" are content's, the
    # feed and the item page are the desk's; their addresses and names stay where officers know them.
    path("sources/", include((source_urls.urlpatterns + content_urls.source_patterns, "sources"))),
    path("content/", include((desk_urls.content_patterns + content_urls.urlpatterns, "content"))),
    path("analysis/", include("haidang.analysis.urls")),
    path("alerts/", include("haidang.alerts.urls")),
    path("cases/", include("haidang.cases.urls")),
    path("grievances/", include("haidang.grievances.urls")),
    path("coordination/", include("haidang.coordination.urls")),
    path("claims/", include("haidang.claims.urls")),
    # Public, no log-in: published corrections, their Atom feed and search (HAIDANG_PUBLIC_PATH).
    path(settings.HAIDANG_PUBLIC_PATH, include((claims_urls.public_patterns, "public"))),
    path("reports/", include("haidang.reports.urls")),
    path("api/v1/", include("haidang.api.urls")),
    path("integrations/", include("haidang.api.ui_urls")),  # a coordinator's API tokens and webhooks
]
