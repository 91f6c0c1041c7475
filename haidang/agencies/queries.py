"""Reads for agencies and officers."""

from __future__ import annotations

from haidang.agencies.access import get_for_user_or_404

from .models import Agency, Membership


def access_agency_for_user(user, agency_id) -> Agency:
    return get_for_user_or_404(Agency.objects.all(), user, agency_id)


def designated_officers(agency: Agency):
    """Who receives an agency's invitations by default: its designated coordinating officers,
    else its coordinators, else its leaders."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    base = User.objects.filter(is_active=True, memberships__agency=agency).distinct()
    designated = base.filter(officer__is_designated_coordinator=True)
    if designated.exists():
        return designated
    coordinators = base.filter(memberships__role=Membership.Role.COORDINATOR, memberships__agency=agency)
    if coordinators.exists():
        return coordinators
    return base.filter(memberships__role=Membership.Role.LEADER, memberships__agency=agency)


def leaders_of(agency: Agency):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return User.objects.filter(
        is_active=True, memberships__agency=agency, memberships__role=Membership.Role.LEADER
    ).distinct()
