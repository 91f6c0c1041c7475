from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin

from .models import GrievanceRoute

# Only the routing table is edited in the admin; grievances change only through actions.py, so that
# every change has its timeline event and audit entry.


@admin.register(GrievanceRoute)
class GrievanceRouteAdmin(AuditedModelAdmin):
    list_display = ("order", "name", "agency", "before_place", "active")
    list_display_links = ("name",)
    list_editable = ("order", "active")
    list_filter = ("active", "before_place", "agency")
    search_fields = ("name", "keywords")
    ordering = ("order", "id")
    readonly_fields = ("created_at",)
