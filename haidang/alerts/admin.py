from django.contrib import admin

from haidang.audit.admin import AuditedModelAdmin, stored

from .models import Alert, RoutingRule, Story


@admin.register(RoutingRule)
class RoutingRuleAdmin(AuditedModelAdmin):
    list_display = ("order", "name", "category", "subtopic", "topic", "place_code", "to_place_agency", "agency",
                    "active")
    list_display_links = ("name",)
    list_editable = ("order", "active")
    list_filter = ("active", "category", "agency")

    def save_model(self, request, obj, form, change):
        from .actions import do_save_routing_rule

        # The action checks the role and writes its entry; the mixin adds before and after (save_related).
        form._audit_before = stored(obj) if change else {}
        fields = {f: form.cleaned_data[f] for f in form.changed_data}
        do_save_routing_rule(acting_user=request.user, rule=obj, **fields)


# Stories and alerts belong to the pipeline (merges, evidence, notifications): read-only here, and never
# deleted (deleting a story would delete its alerts with it).
class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Story)
class StoryAdmin(_ReadOnly):
    list_display = ("id", "title", "item_count", "source_count", "dominant_category", "max_priority", "last_seen")
    search_fields = ("title",)
    readonly_fields = [f.name for f in Story._meta.fields]


@admin.register(Alert)
class AlertAdmin(_ReadOnly):
    list_display = ("id", "kind", "title", "priority", "status", "agency", "item_count", "updated_at")
    list_filter = ("kind", "priority", "status", "agency")
