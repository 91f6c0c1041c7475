"""Who may call what: a token's scopes, and a session's role (a viewer's session never writes)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from haidang.agencies import access


class TokenScope(permissions.BasePermission):
    """A token needs the view's scope: `read` for GET, `act` for the workflow's writes, `push` for
    pushing items (views say so with `token_scope`). A session (the screens' log-in) may read what
    its user may read, and write only with a working role: viewers read, never write."""

    message = _("This token does not have the scope needed for this request.")

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        token = getattr(request, "api_token", None)
        safe = request.method in permissions.SAFE_METHODS
        if token is not None:
            needed = getattr(view, "token_scope", None) or ("read" if safe else "act")
            return token.has_scope(needed)
        if safe or request.user.is_superuser:
            return True
        self.message = _("Viewers can read through the API but never write.")
        return access.is_officer(request.user, access.WORKING_ROLES)
