"""Log-in in two steps, enrolment of an authenticator, the account page, password change and reset.

Step one is Django's LoginView (django-axes counts the failures). When the person has a second factor,
or must have one, the session only remembers who passed the password step (`PENDING`, for a few
minutes); the log-in itself happens after the TOTP or recovery code, or after enrolment."""

from __future__ import annotations

import time

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import verify_token

from haidang.agencies.models import OfficerProfile
from haidang.audit.actions import record
from haidang.core.models import NotificationPreference

from . import actions, twofactor
from .preferences import NOTIFICATION_KINDS, all_verbs

PENDING = "haidang_2fa_pending"
PENDING_SECONDS = 300
MAX_CODE_TRIES = 5


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code"), max_length=20, strip=True,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                                         "autocapitalize": "none", "spellcheck": "false",
                                                         "autofocus": True, "class": "form-control"}))


class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not (twofactor.has_device(user) or twofactor.is_required(user)):
            return super().form_valid(form)
        # The password was right; the log-in waits for the second factor (or its enrolment).
        self.request.session.cycle_key()
        self.request.session[PENDING] = {"user": user.pk, "backend": user.backend, "next": self.get_redirect_url(),
                                         "at": time.time(), "tries": 0}
        return redirect("accounts:otp" if twofactor.has_device(user) else "accounts:enrol")


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending


def _finish_login(request, user, pending: dict, device):
    user.backend = pending["backend"]
    user.otp_device = device  # django_otp's user_logged_in receiver stores it in the session
    request.session.pop(PENDING, None)
    auth_login(request, user, backend=pending["backend"])
    target = pending.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("dashboard")
    return redirect(target)


def otp_view(request):
    """Step two: a 6-digit code from the authenticator app, or one recovery code."""
    user, pending = _pending_user(request)
    if user is None:
        messages.info(request, _("Your log-in expired. Please enter your password again."))
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = actions.normalise_code(form.cleaned_data["code"])
        device = twofactor.totp_device(user) if code.isdigit() else twofactor.recovery_device(user)
        verified = verify_token(user, device.persistent_id, code) if device is not None else None
        if verified is not None:
            if not code.isdigit():
                record("account.recovery_code_used", actor=user, obj=user,
                       changes={"left": twofactor.remaining_recovery_codes(user)})
            return _finish_login(request, user, pending, verified)
        pending["tries"] = pending.get("tries", 0) + 1
        request.session[PENDING] = pending
        record("account.2fa_failed", actor=user, obj=user, changes={"tries": pending["tries"]})
        if pending["tries"] >= MAX_CODE_TRIES:
            request.session.pop(PENDING, None)
            messages.error(request, _("Too many wrong codes. Please log in again."))
            return redirect("login")
        form.add_error("code", _("This code is not right, or it has been used already."))
    return render(request, "registration/otp.html", {"form": form, "person": user})


def enrol_view(request):
    """Set up the authenticator: at log-in for a person who must have one, or from the account page."""
    if request.user.is_authenticated:
        user, pending = request.user, None
    else:
        user, pending = _pending_user(request)
        if user is None:
            return redirect("login")
        if twofactor.has_device(user):
            # Half logged in, with a factor already: enrolling another one here would skip it.
            return redirect("accounts:otp")
    device = actions.do_start_enrolment(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = actions.do_confirm_totp(user, device, form.cleaned_data["code"])
        if codes is not None:
            if pending is not None:
                _finish_login(request, user, pending, twofactor.totp_device(user))
            return render(request, "registration/recovery_codes.html",
                          {"codes": codes, "next": (pending or {}).get("next") or reverse("dashboard")})
        form.add_error("code", _("This code is not right. Check the time on your phone and try the newest code."))
    return render(request, "registration/enrol.html", {
        "form": form, "qr": twofactor.qr_svg(device), "secret": twofactor.secret_base32(device),
        "required": twofactor.is_required(user), "at_login": pending is not None})


@login_required
def account_view(request):
    user = request.user
    if request.method == "POST":
        actions.do_set_notification_preferences(
            user, email_off={v for v in all_verbs() if request.POST.get(f"email:{v}") != "on"},
            digest=request.POST.get("digest") == "on")
        messages.success(request, _("Your notification preferences are saved."))
        return redirect(reverse("accounts:account") + "#notifications")
    muted = set(NotificationPreference.objects.filter(user=user, email=False).values_list("verb", flat=True))
    profile = OfficerProfile.objects.filter(user=user).first()
    groups = [(title, [(verb, label, verb not in muted) for verb, label in kinds]) for title, kinds in NOTIFICATION_KINDS]
    return render(request, "accounts/account.html", {
        "has_2fa": twofactor.has_device(user), "required": twofactor.is_required(user),
        "recovery_left": twofactor.remaining_recovery_codes(user),
        "kinds": groups, "digest": bool(profile and profile.digest_enabled),
    })


@login_required
@require_POST
def recovery_codes_view(request):
    if not twofactor.has_device(request.user):
        return redirect("accounts:account")
    codes = actions.do_regenerate_recovery_codes(request.user)
    return render(request, "registration/recovery_codes.html", {"codes": codes, "next": reverse("accounts:account")})


@login_required
@require_POST
def disable_2fa_view(request):
    if twofactor.is_required(request.user):
        messages.error(request, _("Two-factor log-in is required for your role and cannot be turned off."))
    else:
        actions.do_disable_2fa(request.user)
        messages.success(request, _("Two-factor log-in is off."))
    return redirect("accounts:account")


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        record("account.password_change", actor=self.request.user, obj=self.request.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record("account.password_reset", actor=form.user, obj=form.user)
        return response


def admin_login_redirect(request):
    """The admin's own log-in page would skip the second factor: send it through ours."""
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('login')}?next={target}" if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()) else reverse("login"))


