"""The one shared way to check access.

- Lists: `Model.objects.restrict(user, action)` (see RestrictedQuerySet).
- Single objects: `access_<thing>_for_user(user, pk)` in each app's queries.py, built on
  `get_for_user_or_404`, which answers 404 (never 403) to outsiders so that the existence
  of confidential things is not revealed.
- Writes: actions call `require_role(...)`, which raises PermissionDenied.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

Role = str
ALL_ROLES = ("coordinator", "officer", "leader", "viewer")
WORKING_ROLES = ("coordinator", "officer", "leader")  # viewers read, never write


def lead_agency():
    """The agency that triages reports and runs cases; chosen by the HAIDANG_LEAD_AGENCY setting."""
    from haidang.agencies.models import Agency

    return Agency.objects.filter(short_name=settings.HAIDANG_LEAD_AGENCY).first()


def _memberships(user) -> list[tuple[int, str]]:
    """(agency_id, role) pairs, cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_haidang_memberships", None)
    if cached is None:
        rows = list(user.memberships.filter(agency__active=True).select_related("agency").order_by("id"))
        cached = [(m.agency_id, m.role) for m in rows]
        user._haidang_memberships = cached
        # The agencies come with the memberships, in the same query: primary_agency() and the lead
        # agency look-up (layout, restrict()) then need no query of their own, two on every page.
        user._haidang_member_agencies = {m.agency_id: m.agency for m in rows}
    return cached


def _member_agency(user, agency_id):
    """The Agency row of one of the user's memberships, as loaded with them (None if not loaded)."""
    return getattr(user, "_haidang_member_agencies", {}).get(agency_id)


def agency_ids(user, roles: Iterable[Role] | None = None) -> set[int]:
    roles = set(roles) if roles is not None else None
    return {aid for aid, role in _memberships(user) if roles is None or role in roles}


def roles_in(user, agency) -> set[str]:
    agency_id = agency if isinstance(agency, int) else getattr(agency, "pk", None)
    return {role for aid, role in _memberships(user) if aid == agency_id}


def has_role(user, agency, roles: Iterable[Role] = WORKING_ROLES) -> bool:
    if user is not None and getattr(user, "is_superuser", False):
        return True
    if agency is None:
        return False
    return bool(roles_in(user, agency) & set(roles))


def lead_agency_for(user):
    """lead_agency(), remembered on the user object for the request (asked for by the layout,
    every panel, the views and Alert.restrict()), and looked up again when the setting changes."""
    cached = getattr(user, "_haidang_lead_agency", None)
    if cached is None or cached[0] != settings.HAIDANG_LEAD_AGENCY:
        # A member of the lead agency has its row already (short_name is unique: the same row
        # lead_agency() would find); anyone else costs the query.
        _memberships(user)
        mine = getattr(user, "_haidang_member_agencies", {}).values()
        lead = next((a for a in mine if a.short_name == settings.HAIDANG_LEAD_AGENCY), None)
        cached = (settings.HAIDANG_LEAD_AGENCY, lead if lead is not None else lead_agency())
        if user is not None:
            user._haidang_lead_agency = cached
    return cached[1]


def is_lead_member(user, roles: Iterable[Role] = ALL_ROLES) -> bool:
    lead = lead_agency_for(user)
    return lead is not None and has_role(user, lead, roles)


def is_lead_leader(user) -> bool:
    return is_lead_member(user, ("leader",))


def primary_agency(user):
    """The agency a user acts for: their first membership (officers normally have one)."""
    from haidang.agencies.models import Agency

    memberships = _memberships(user)
    if not memberships:
        return None
    # Cached on the user object like the memberships: the layout, panels and audit rows of one
    # request all ask for it (it was 7 identical queries on the dashboard).
    cached = getattr(user, "_haidang_primary_agency", None)
    if cached is None or cached.pk != memberships[0][0]:
        cached = _member_agency(user, memberships[0][0]) or Agency.objects.filter(pk=memberships[0][0]).first()
        user._haidang_primary_agency = cached
    return cached


def require_role(user, agency, roles: Iterable[Role] = WORKING_ROLES, message: str = "") -> None:
    if not has_role(user, agency, roles):
        raise PermissionDenied(message or _("You do not have the role needed for this action."))


def get_for_user_or_404(queryset, user, pk, action: str = "view"):
    """Fetch one object the user may see for `action`, or raise 404."""
    try:
        return queryset.restrict(user, action).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("not found")


def clear_cache(user) -> None:
    for attr in ("_haidang_memberships", "_haidang_member_agencies", "_haidang_primary_agency", "_haidang_lead_agency"):
        if hasattr(user, attr):
            delattr(user, attr)


def is_officer(user, roles: Iterable[Role] | None = None) -> bool:
    """A member of at least one active agency (with one of `roles`, when given), or an admin."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or agency_ids(user, roles))


def require_officer_or_404(user, roles: Iterable[Role] | None = None) -> None:
    """People without a membership see no monitoring data at all: consistently a 404, like single objects."""
    if not is_officer(user, roles):
        raise Http404("not found")
