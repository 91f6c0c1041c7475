"""Password change and reset, and the two-step log-in with a TOTP code computed here."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from haidang.accounts import actions, twofactor
from haidang.agencies.testing import PASSWORD
from haidang.audit.models import AuditEntry

NEW_PASSWORD = "a-much-longer-passphrase-42"


def _code(device: TOTPDevice) -> str:
    """What the officer's phone shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def _password_step(client: Client, username: str, password: str = PASSWORD, next_url: str = ""):
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": username, "password": password})


@pytest.fixture
def two_factor_required(settings):
    settings.HAIDANG_REQUIRE_2FA = True


def test_an_officer_changes_the_password_and_logs_in_with_the_new_one(personas):
    client = personas.client_for(personas.bob)
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 200 and "Đổi mật khẩu" in page.content.decode()
    response = client.post(reverse("accounts:password_change"), {
        "old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_change_done")
    personas.bob.refresh_from_db()
    assert personas.bob.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="account.password_change", actor=personas.bob).exists()
    assert _password_step(Client(), "bob", NEW_PASSWORD).status_code == 302


def test_a_wrong_old_password_changes_nothing(personas):
    client = personas.client_for(personas.bob)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 200
    personas.bob.refresh_from_db()
    assert personas.bob.check_password(PASSWORD)


def test_a_password_is_reset_through_the_link_in_an_e_mail(personas):
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "bob@example.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    page = client.get(link, follow=True)  # Django moves the token into the session first
    assert "Chọn mật khẩu mới" in page.content.decode()
    response = client.post(page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD,
                                                         "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    personas.bob.refresh_from_db()
    assert personas.bob.check_password(NEW_PASSWORD)


def test_without_two_factor_an_officer_logs_in_in_one_step(personas, two_factor_required):
    client = Client()
    response = _password_step(client, "bob")
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert client.session.get(SESSION_KEY) == str(personas.bob.pk)


def test_a_leader_without_an_authenticator_enrols_at_first_log_in(personas, two_factor_required):
    client = Client()
    response = _password_step(client, "lena")
    assert response["Location"] == reverse("accounts:enrol")
    assert SESSION_KEY not in client.session, "no log-in before the second factor"
    assert client.get(reverse("dashboard")).status_code == 302  # still logged out

    page = client.get(reverse("accounts:enrol"))
    assert "<svg" in page.content.decode() and "Thiết lập" in page.content.decode()
    device = TOTPDevice.objects.get(user=personas.lena, confirmed=False)
    page = client.post(reverse("accounts:enrol"), {"code": _code(device)})
    assert page.status_code == 200
    codes = re.findall(r"<li class=\"col\">([a-z0-9]{5}-[a-z0-9]{5})</li>", page.content.decode())
    assert len(codes) == actions.RECOVERY_CODES
    assert client.session.get(SESSION_KEY) == str(personas.lena.pk)
    assert twofactor.has_device(personas.lena)
    assert AuditEntry.objects.filter(action="account.2fa_enable", actor=personas.lena).exists()


def _enrolled(user) -> tuple[TOTPDevice, list[str]]:
    device = actions.do_start_enrolment(user)
    codes = actions.do_confirm_totp(user, device, _code(device))
    device.refresh_from_db()
    # The code used to confirm may not be used again; the next log-in is in a later 30-second step.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    device.refresh_from_db()
    return device, codes


def test_a_leader_logs_in_with_a_totp_code_computed_from_the_key(personas, two_factor_required):
    device, _codes = _enrolled(personas.lena)
    client = Client()
    response = _password_step(client, "lena", next_url="/cases/")
    assert response["Location"] == reverse("accounts:otp")
    assert SESSION_KEY not in client.session

    wrong = client.post(reverse("accounts:otp"), {"code": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and SESSION_KEY not in client.session
    assert "không đúng" in wrong.content.decode()

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    device.refresh_from_db()
    response = client.post(reverse("accounts:otp"), {"code": _code(device)})
    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert client.session.get(SESSION_KEY) == str(personas.lena.pk)
    assert client.session.get("otp_device_id") == device.persistent_id  # the session is verified


def test_a_recovery_code_logs_in_once(personas, two_factor_required):
    _device, codes = _enrolled(personas.lena)
    first = Client()
    _password_step(first, "lena")
    assert first.post(reverse("accounts:otp"), {"code": codes[0].upper()}).status_code == 302
    assert first.session.get(SESSION_KEY) == str(personas.lena.pk)
    again = Client()
    _password_step(again, "lena")
    assert again.post(reverse("accounts:otp"), {"code": codes[0]}).status_code == 200
    assert SESSION_KEY not in again.session
    assert twofactor.remaining_recovery_codes(personas.lena) == actions.RECOVERY_CODES - 1


def test_an_officer_may_turn_two_factor_off_but_a_leader_may_not(personas, two_factor_required):
    _enrolled(personas.bob)
    _enrolled(personas.lena)
    personas.client_for(personas.bob).post(reverse("accounts:disable_2fa"))
    personas.client_for(personas.lena).post(reverse("accounts:disable_2fa"))
    assert not twofactor.has_device(personas.bob)
    assert twofactor.has_device(personas.lena)


def test_the_admin_log_in_page_goes_through_the_two_step_log_in(personas):
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_lock_out_page_says_how_long_it_lasts(personas, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = 0.25  # hours
    client = Client()
    for _ in range(2):
        response = _password_step(client, "bob", "wrong-password")
    response = _password_step(client, "bob", "wrong-password")
    assert response.status_code == 429
    assert "15 phút" in response.content.decode()


def test_an_officer_switches_off_e_mail_of_one_kind_and_turns_on_the_digest(personas):
    from haidang.accounts.preferences import all_verbs
    from haidang.agencies.models import OfficerProfile
    from haidang.core.models import NotificationPreference

    client = personas.client_for(personas.bob)
    page = client.get(reverse("accounts:account"))
    assert 'name="email:cases.action_assigned"' in page.content.decode()
    keep_on = {f"email:{v}": "on" for v in all_verbs() if v != "cases.action_assigned"}
    response = client.post(reverse("accounts:account"), {**keep_on, "digest": "on"})
    assert response.status_code == 302
    assert list(NotificationPreference.objects.filter(user=personas.bob).values_list("verb", "email")) == [
        ("cases.action_assigned", False)]
    assert OfficerProfile.objects.get(user=personas.bob).digest_enabled
    html = client.get(reverse("accounts:account")).content.decode()
    assert 'id="pref-cases.action_assigned">' in html and 'id="pref-digest" checked' in html


def test_after_the_password_a_person_with_an_authenticator_cannot_enrol_another(personas, two_factor_required):
    _enrolled(personas.lena)
    client = Client()
    _password_step(client, "lena")
    response = client.get(reverse("accounts:enrol"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:otp")
    assert TOTPDevice.objects.filter(user=personas.lena).count() == 1
    assert SESSION_KEY not in client.session


def test_a_wrong_code_at_enrolment_logs_nobody_in(personas, two_factor_required):
    client = Client()
    _password_step(client, "lena")
    client.get(reverse("accounts:enrol"))
    response = client.post(reverse("accounts:enrol"), {"code": "12345"})
    assert response.status_code == 200 and SESSION_KEY not in client.session
    assert not twofactor.has_device(personas.lena)


def test_every_account_page_is_in_vietnamese(personas):
    anonymous = Client()
    for name in ("login", "accounts:password_reset", "accounts:password_reset_done",
                 "accounts:password_reset_complete"):
        html = anonymous.get(reverse(name)).content.decode()
        assert 'lang="vi"' in html and "Hải Đăng" in html, name
    assert "Quên mật khẩu?" in anonymous.get(reverse("login")).content.decode()
    client = personas.client_for(personas.bob)
    for name, words in (("accounts:account", "Tài khoản của tôi"), ("accounts:password_change_done", "đã được đổi"),
                        ("accounts:enrol", "Thiết lập đăng nhập hai lớp")):
        response = client.get(reverse(name))
        assert response.status_code == 200 and words in response.content.decode(), name


@pytest.mark.django_db
def test_an_admin_removes_a_lost_device_on_the_record_and_its_key_stays_out_of_the_log(personas):
    from django.contrib import admin as django_admin
    from django.contrib.auth import get_user_model

    device = TOTPDevice.objects.create(user=personas.lena, name="phone", confirmed=True)
    assert not django_admin.site._registry[TOTPDevice].has_add_permission(None)
    root = get_user_model().objects.create_superuser("root2fa", "root2fa@example.test", "x-Very-long-pass-1")
    client = Client()
    client.force_login(root)
    response = client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(pk=device.pk).exists()
    entry = AuditEntry.objects.get(action="admin.delete", object_type="otp_totp.totpdevice")
    assert entry.changes["before"]["key"] == "(set)" and device.key not in str(entry.changes)


def test_a_leaders_session_without_the_second_factor_is_sent_back_through_the_log_in(personas, two_factor_required):
    client = Client()
    client.force_login(personas.lena)  # e.g. a session opened before two-factor log-in was required
    response = client.get("/cases/?q=x")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "next=%2Fcases%2F%3Fq%3Dx" in response["Location"] and SESSION_KEY not in client.session
    officer = Client()
    officer.force_login(personas.bob)  # second factor optional for officers: the session stays
    assert officer.get("/cases/").status_code == 200
