"""Second-factor devices in the admin: an administrator may only remove a lost one (its owner enrols
again at the next log-in). Devices are made by their owners, so their keys are never typed or shown
here, and each removal is on the audit record like every other admin write."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from haidang.audit.admin import AuditedModelAdmin


class SecondFactorDeviceAdmin(AuditedModelAdmin):
    list_display = ("user", "name", "confirmed")
    list_filter = ("confirmed",)
    search_fields = ("user__username",)
    fields = ("user", "name", "confirmed")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# django-otp's own admins (registered before ours: its apps come first in INSTALLED_APPS) can add and
# edit devices with their keys, unaudited; ours replace them.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, SecondFactorDeviceAdmin)
