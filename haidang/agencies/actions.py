"""Writes for agencies and officers. Each writes the audit log."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from haidang.agencies import access
from haidang.audit.actions import record

from .models import Agency, ApiToken, Membership, OfficerProfile

User = get_user_model()


def _require_admin(acting_user) -> None:
    # None means the system itself (demo loader, migrations); people need to be admins.
    if acting_user is not None and not acting_user.is_superuser:
        from django.core.exceptions import PermissionDenied
        from django.utils.translation import gettext as _

        raise PermissionDenied(_("Only system administrators manage agencies and officers."))


@transaction.atomic
def do_create_agency(*, acting_user=None, **fields) -> Agency:
    _require_admin(acting_user)
    agency = Agency.objects.create(**fields)
    record("agency.create", actor=acting_user, obj=agency, changes={k: str(v) for k, v in fields.items()})
    return agency


@transaction.atomic
def do_update_agency(agency: Agency, *, acting_user=None, **fields) -> Agency:
    _require_admin(acting_user)
    before = {k: str(getattr(agency, k)) for k in fields}
    for key, value in fields.items():
        setattr(agency, key, value)
    agency.save(update_fields=list(fields))
    record("agency.update", actor=acting_user, obj=agency,
           changes={"before": before, "after": {k: str(v) for k, v in fields.items()}})
    return agency


@transaction.atomic
def do_create_officer(
    *, username: str, password: str, agency: Agency, role: str, acting_user=None,
    full_name: str = "", email: str = "", title: str = "", phone: str = "", designated: bool = False,
) -> User:
    _require_admin(acting_user)
    first, _, last = full_name.rpartition(" ")
    user = User.objects.create_user(username=username, password=password, email=email,
                                    first_name=first, last_name=last or full_name)
    OfficerProfile.objects.create(user=user, title=title, phone=phone, is_designated_coordinator=designated)
    Membership.objects.create(user=user, agency=agency, role=role)
    record("officer.create", actor=acting_user, obj=user, agency=agency,
           changes={"username": username, "agency": agency.short_name, "role": role, "designated": designated})
    return user


@transaction.atomic
def do_add_membership(user, agency: Agency, role: str, *, acting_user=None) -> Membership:
    _require_admin(acting_user)
    membership, created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if created:
        record("membership.add", actor=acting_user, obj=membership, agency=agency,
               changes={"user": user.get_username(), "role": role})
    access.clear_cache(user)
    return membership


@transaction.atomic
def do_remove_membership(membership: Membership, *, acting_user=None) -> None:
    _require_admin(acting_user)
    record("membership.remove", actor=acting_user, obj=membership, agency=membership.agency,
           changes={"user": membership.user.get_username(), "role": membership.role})
    membership.delete()
    access.clear_cache(membership.user)


@transaction.atomic
def do_issue_api_token(*, name: str, agency: Agency, user, acting_user=None) -> tuple[ApiToken, str]:
    """Returns the token row and the raw key, which is shown once and never stored."""
    if acting_user is not None and not acting_user.is_superuser:
        access.require_role(acting_user, agency, ("coordinator", "leader"))
    raw = ApiToken.generate_key()
    token = ApiToken.objects.create(name=name, agency=agency, user=user,
                                    key_hash=ApiToken.hash_key(raw), prefix=raw[3:9])
    record("api_token.issue", actor=acting_user, obj=token, agency=agency, changes={"name": name})
    return token, raw


@transaction.atomic
def do_revoke_api_token(token: ApiToken, *, acting_user=None) -> None:
    if acting_user is not None and not acting_user.is_superuser:
        access.require_role(acting_user, token.agency, ("coordinator", "leader"))
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    record("api_token.revoke", actor=acting_user, obj=token, agency=token.agency, changes={"at": timezone.now()})
