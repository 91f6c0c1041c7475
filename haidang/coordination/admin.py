from django.contrib import admin

from haidang.core.admin import AuditedModelAdmin

from .models import DeadlinePolicy, ExtraDayOff, ExtraWorkingDay, ReminderLog

# Only the calendar and the deadline policy are edited here; meetings, consultations and answers
# change only through actions.py (timeline, audit, notifications).


@admin.register(ExtraDayOff)
class ExtraDayOffAdmin(AuditedModelAdmin):
    list_display = ("date", "name")
    date_hierarchy = "date"
    search_fields = ("name",)


@admin.register(ExtraWorkingDay)
class ExtraWorkingDayAdmin(AuditedModelAdmin):
    list_display = ("date", "name")
    date_hierarchy = "date"


@admin.register(DeadlinePolicy)
class DeadlinePolicyAdmin(AuditedModelAdmin):
    list_display = ("step", "priority", "working_days", "remind_before_hours", "escalate_after_days")
    list_filter = ("step", "priority")


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ("sent_at", "kind", "stage", "target_type", "target_id", "recipients")
    list_filter = ("stage",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
