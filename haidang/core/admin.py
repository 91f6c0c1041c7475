"""Admin pages write through the audit log too: a ModelAdmin mixin that records every change."""

from django.contrib import admin

from haidang.audit.actions import record


class AuditedModelAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record(
            f"admin.{'change' if change else 'add'}",
            actor=request.user,
            obj=obj,
            changes={field: str(form.cleaned_data.get(field)) for field in form.changed_data},
        )

    def delete_model(self, request, obj):
        record("admin.delete", actor=request.user, obj=obj, changes={"repr": str(obj)})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record("admin.delete", actor=request.user, obj=obj, changes={"repr": str(obj)})
        super().delete_queryset(request, queryset)
