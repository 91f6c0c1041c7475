from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin

from .models import LegalProvision, PressOutlet

# Only the reference data is edited in the admin; cases change only through actions.py,
# so that every change has its timeline event, audit entry and safeguards.


@admin.register(LegalProvision)
class LegalProvisionAdmin(AuditedModelAdmin):
    list_display = ("instrument", "article", "title", "grounds_restriction", "active")
    list_filter = ("grounds_restriction", "active")
    search_fields = ("code", "instrument", "article", "title")


@admin.register(PressOutlet)
class PressOutletAdmin(AuditedModelAdmin):
    list_display = ("name", "domain", "agency", "active")
    list_filter = ("active",)
    search_fields = ("name", "domain")
