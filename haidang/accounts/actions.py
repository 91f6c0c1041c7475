"""The only writes of accounts: second-factor devices and recovery codes, each on the audit record.
(Passwords change through Django's own views; `views.py` records those.)"""

from __future__ import annotations

import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from haidang.agencies.models import OfficerProfile
from haidang.audit.actions import record
from haidang.core.models import NotificationPreference

from .preferences import all_verbs
from .twofactor import RECOVERY_NAME, TOTP_NAME, is_required, totp_device

RECOVERY_CODES = 10


def normalise_code(code: str) -> str:
    return "".join(ch for ch in str(code).lower() if ch.isalnum())


def do_start_enrolment(user) -> TOTPDevice:
    """The unconfirmed device being enrolled (kept across reloads of the set-up page, so the QR code
    scanned a minute ago still works)."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def _new_code() -> str:
    # 10 characters of an unambiguous alphabet, shown as xxxxx-xxxxx; stored as typed without the dash.
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


@transaction.atomic
def do_confirm_totp(user, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device being enrolled with a code from the app; returns fresh recovery codes, or
    None when the code is wrong. Older devices of the person are removed: one authenticator each."""
    if device.user_id != user.pk or device.confirmed or not device.verify_token(normalise_code(token)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _replace_recovery_codes(user)
    record("account.2fa_enable", actor=user, obj=user, changes={"device": "totp"})
    return codes


def _replace_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return [f"{c[:5]}-{c[5:]}" for c in codes]


@transaction.atomic
def do_regenerate_recovery_codes(user) -> list[str]:
    codes = _replace_recovery_codes(user)
    record("account.recovery_codes", actor=user, obj=user, changes={"count": len(codes)})
    return codes


@transaction.atomic
def do_disable_2fa(user) -> None:
    """Only for people who are not required to use it (the view checks; so does this)."""
    if is_required(user):
        raise PermissionError("two-factor log-in is required for this account")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record("account.2fa_disable", actor=user, obj=user)




@transaction.atomic
def do_set_notification_preferences(user, *, email_off: set[str], digest: bool) -> None:
    """E-mail off for the kinds in `email_off` (on for every other listed kind), and the daily digest."""
    known = set(all_verbs())
    email_off = set(email_off) & known
    NotificationPreference.objects.filter(user=user).exclude(verb__in=email_off).delete()
    for verb in email_off:
        NotificationPreference.objects.update_or_create(user=user, verb=verb, defaults={"email": False})
    profile, _created = OfficerProfile.objects.get_or_create(user=user)
    if profile.digest_enabled != digest:
        profile.digest_enabled = digest
        profile.save(update_fields=["digest_enabled"])
    record("account.notification_preferences", actor=user, obj=user,
           changes={"email_off": sorted(email_off), "digest": digest})
