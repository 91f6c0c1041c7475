from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin

from .models import DocumentSettings

# The heading, symbol and signer of each agency's documents are data that administrators keep.
# Periodic reports change only through actions.py (saved with an audit entry).


@admin.register(DocumentSettings)
class DocumentSettingsAdmin(AuditedModelAdmin):
    list_display = ("agency", "agency_name", "symbol", "place", "signer_title", "signer_name")
    search_fields = ("agency__name", "agency_name", "symbol", "signer_name")
    readonly_fields = ("updated_at",)
