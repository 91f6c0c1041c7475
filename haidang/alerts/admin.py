from django.contrib import admin

from .models import Alert, RoutingRule, Story


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ("order", "name", "category", "subtopic", "topic", "place_code", "to_place_agency", "agency",
                    "active")
    list_display_links = ("name",)
    list_editable = ("order", "active")
    list_filter = ("active", "category", "agency")

    def save_model(self, request, obj, form, change):
        from .actions import do_save_routing_rule

        fields = {f: form.cleaned_data[f] for f in form.changed_data}
        do_save_routing_rule(acting_user=request.user, rule=obj, **fields)


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "item_count", "source_count", "dominant_category", "max_priority", "last_seen")
    search_fields = ("title",)
    readonly_fields = [f.name for f in Story._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "title", "priority", "status", "agency", "item_count", "updated_at")
    list_filter = ("kind", "priority", "status", "agency")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
