"""Where coordinators find the API tokens and webhooks screen (/integrations/)."""

from __future__ import annotations

from django import template

from haidang.agencies import access

register = template.Library()


@register.simple_tag
def may_manage_integrations(user) -> bool:
    """The same rule as the screen itself: an agency's coordinator, or an administrator."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or access.agency_ids(user, ("coordinator",)))
