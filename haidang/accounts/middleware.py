"""A session that must have passed the second factor but has not (one that existed before two-factor
log-in was required, or was opened by other means) is closed and sent back through the log-in."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from . import twofactor


class RequireSecondFactorMiddleware:
    """After django_otp's OTPMiddleware, which sets `request.user.is_verified()` from the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and not _verified(user)
                and twofactor.is_required(user)):
            logout(request)
            return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _verified(user) -> bool:
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())
