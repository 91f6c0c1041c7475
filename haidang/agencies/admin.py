from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from haidang.audit.actions import record
from haidang.audit.admin import AuditedModelAdmin

from .actions import do_issue_api_token
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


class ApiTokenAddForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "agency", "user"]


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedModelAdmin):
    """Tokens are issued by `do_issue_api_token`, which shows the key once; the admin's add page calls it."""

    list_display = ("name", "agency", "prefix", "scopes", "created_at", "expires_at", "last_used_at", "revoked")
    # Whom a token acts for, and what it may do until when, is fixed when it is issued; a changed
    # need is a new token (a coordinator issues scoped ones at /integrations/; this page, push ones).
    readonly_fields = ("agency", "user", "prefix", "scopes", "created_at", "expires_at", "last_used_at")
    exclude = ("key_hash",)
    add_form = ApiTokenAddForm

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["name", "agency", "user"] if obj is None else ["name", *self.readonly_fields, "revoked"]

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token, key = do_issue_api_token(name=obj.name, agency=obj.agency, user=obj.user, acting_user=request.user)
        obj.pk, obj.key_hash, obj.prefix, obj.created_at = token.pk, token.key_hash, token.prefix, token.created_at
        obj._state.adding = False
        obj._raw_key = key

    def save_related(self, request, form, formsets, change):
        if change:  # the action has written the add's entry
            super().save_related(request, form, formsets, change)

    def response_add(self, request, obj, post_url_continue=None):
        response = TemplateResponse(request, "admin/agencies/apitoken/issued.html", {
            **self.admin_site.each_context(request), "opts": self.opts, "token": obj, "key": obj._raw_key,
            "title": _("API token issued")})
        add_never_cache_headers(response)  # the key is shown this once
        return response


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class UserAdmin(AuditedModelAdmin, BaseUserAdmin):
    inlines = [OfficerProfileInline, MembershipInline]

    def user_change_password(self, request, id, form_url=""):
        with transaction.atomic():
            user = self.get_object(request, unquote(id))
            before = (user.password, user.has_usable_password()) if user is not None else None
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and before is not None:
                user.refresh_from_db(fields=["password"])
                if user.password != before[0]:
                    # Whether it was set and that it changed: never the hash.
                    record("admin.password_change", actor=request.user, obj=user, changes={
                        "before": {"password": "set" if before[1] else "unusable"},
                        "after": {"password": "changed" if user.has_usable_password() else "unusable"}})
            return response


# Django's and django-axes' own pages write to the log too: groups carry permissions, and deleting a
# login attempt lifts a lock-out.
admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(AuditedModelAdmin, BaseGroupAdmin):
    pass


def _audit_registered(model) -> None:
    if admin.site.is_registered(model):
        base = type(admin.site.get_model_admin(model))
        admin.site.unregister(model)
        admin.site.register(model, type(base.__name__, (AuditedModelAdmin, base), {"__module__": __name__}))


def _audit_axes() -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        _audit_registered(model)


_audit_axes()
