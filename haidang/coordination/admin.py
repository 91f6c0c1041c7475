from django.contrib import admin

from .models import ReminderLog

# Meetings, consultations and answers change only through actions.py (timeline, audit,
# notifications); the calendar and the deadline policy are edited in the workdays admin.


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ("sent_at", "kind", "stage", "target_type", "target_id", "recipients")
    list_filter = ("stage",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
