from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from haidang.audit.admin import AuditedModelAdmin

from .models import Agency, ApiToken, Membership, OfficerProfile

admin.site.site_header = _("Hải Đăng administration")
admin.site.site_title = _("Hải Đăng")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["agency"]


class OfficerProfileInline(admin.StackedInline):
    model = OfficerProfile
    can_delete = False


@admin.register(Agency)
class AgencyAdmin(AuditedModelAdmin):
    list_display = ("name", "short_name", "kind", "parent", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "short_name")


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedModelAdmin):
    list_display = ("name", "agency", "prefix", "created_at", "last_used_at", "revoked")
    readonly_fields = ("key_hash", "prefix", "created_at", "last_used_at")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(AuditedModelAdmin, BaseUserAdmin):
    inlines = [OfficerProfileInline, MembershipInline]
