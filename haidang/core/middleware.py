from __future__ import annotations

import re

from django.utils.cache import add_never_cache_headers

from .context import new_request_id, request_id_var

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Give every request an id (or keep a sane X-Request-ID from the proxy) for the audit log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        if _SAFE_ID.match(incoming):
            token = request_id_var.set(incoming)
            rid = incoming
        else:
            rid = new_request_id()
            token = None
        request.request_id = rid
        try:
            response = self.get_response(request)
        finally:
            if token is not None:
                request_id_var.reset(token)
        response["X-Request-ID"] = rid
        return response


class VietnameseFirstMiddleware:
    """Serve Vietnamese unless the officer chose English with the switch.

    Django's LocaleMiddleware would otherwise follow the browser's Accept-Language, and
    many office PCs run an English browser: the switch (cookie) is the only way to English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class NoStoreForAuthenticatedMiddleware:
    """Pages and exports for a signed-in officer are never kept by the browser's cache or a proxy:
    they hold case data and personal data, and a shared office PC outlives a session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
