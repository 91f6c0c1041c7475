from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin

from .models import DeadlinePolicy, ExtraDayOff, ExtraWorkingDay


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
