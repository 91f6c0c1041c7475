"""Token authentication for agencies' systems: `Authorization: Bearer hd_...` (or `Token hd_...`).

A token is refused (401) when unknown, revoked, expired, or its agency or user is no longer active."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions


def act_for_agency(user, agency) -> None:
    """Pin the user's memberships (as the access helpers cache them for the request) to one agency:
    a token, or a webhook, acts for its agency only, with the roles its user holds there, even when
    that user belongs to several agencies. Every restrict() and require_role() then sees just that."""
    roles = list(user.memberships.filter(agency=agency, agency__active=True).values_list("agency_id", "role")
                 .order_by("id"))
    user._haidang_memberships = roles
    if hasattr(user, "_haidang_primary_agency"):
        del user._haidang_primary_agency


class AgencyTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        from haidang.agencies.models import ApiToken

        token = (
            ApiToken.objects.select_related("user", "agency")
            .filter(key_hash=ApiToken.hash_key(header[1]), revoked=False)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if token.is_expired:
            raise exceptions.AuthenticationFailed(_("This token has expired."))
        # Checked here, before any view runs: nothing (not even a push source) is made for a
        # deactivated agency, and the answer says what is wrong with the token.
        if not token.agency.active:
            raise exceptions.AuthenticationFailed(_("This token's agency is no longer active."))
        # Throttle the write: one update a minute is enough to show a token is in use.
        if token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        request.api_token = token
        act_for_agency(token.user, token.agency)
        return token.user, token

    def authenticate_header(self, request):
        return "Bearer"
