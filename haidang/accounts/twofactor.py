"""Who must use a second factor, and the officer's devices: one TOTP authenticator app and one set of
recovery codes (django-otp's `otp_totp` and `otp_static`).

Required for leaders (they approve removals and referrals) and administrators; optional for the others.
A required person without a device is taken through enrolment at log-in, not locked out: the
first log-in of a fresh demo or a new leader ends with the authenticator set up.
"""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from haidang.agencies import access

TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"


def is_required(user) -> bool:
    """Leaders of any agency, staff and superusers (unless HAIDANG_REQUIRE_2FA is off)."""
    if not getattr(settings, "HAIDANG_REQUIRE_2FA", True) or not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.is_staff or access.agency_ids(user, ("leader",)))


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def totp_device(user, *, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("-id").first()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def qr_svg(device: TOTPDevice) -> SafeString:
    """The otpauth:// URL as an inline SVG (segno's own markup of rectangles, no user input in it)."""
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, border=2))  # noqa: S308


def secret_base32(device: TOTPDevice) -> str:
    """The key for typing into an app by hand, in groups of four."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def remaining_recovery_codes(user) -> int:
    device = recovery_device(user)
    return device.token_set.count() if device else 0
