from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin

from .models import Claim, ClaimMatch


@admin.register(Claim)
class ClaimAdmin(AuditedModelAdmin):
    list_display = ("claim_id", "statement", "verdict", "status", "agency", "verified_on")
    list_filter = ("status", "verdict")
    search_fields = ("claim_id", "statement")
    raw_id_fields = ("case", "verification", "story")


@admin.register(ClaimMatch)
class ClaimMatchAdmin(AuditedModelAdmin):
    list_display = ("claim", "item", "score", "method", "status")
    list_filter = ("status", "method")
    raw_id_fields = ("claim", "item")
