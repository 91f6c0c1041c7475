from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin

from .models import ReminderLog

# Meetings, consultations and answers change only through actions.py (timeline, audit,
# notifications); the calendar and the deadline policy are edited in the workdays admin.


@admin.register(ReminderLog)
class ReminderLogAdmin(AuditedModelAdmin):
    # Deleting a row lets that reminder go out again: allowed, and on record (the mixin).
    list_display = ("sent_at", "kind", "stage", "target_type", "target_id", "recipients")
    list_filter = ("stage",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
