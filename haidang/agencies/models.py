"""Agencies, their officers and roles, and API tokens for push collectors."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haidang.core.models import RestrictedQuerySet

from .choices import AgencyKind


class AgencyQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        # Agencies are a public directory inside the system: every officer may list them.
        return self.filter(active=True)


class Agency(models.Model):
    """A provincial department, ward/commune committee, police, press body or the lead agency."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices, default=AgencyKind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children", verbose_name=_("parent")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    # Ward/commune committees are tied to their place, for routing alerts by place.
    place_code = models.CharField(_("place code"), max_length=20, blank=True, db_index=True)
    place_name = models.CharField(_("place name"), max_length=120, blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    @property
    def is_lead(self) -> bool:
        return self.short_name == settings.HAIDANG_LEAD_AGENCY


class Membership(models.Model):
    """A user's role in one agency."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        OFFICER = "officer", _("officer")
        LEADER = "leader", _("leader (approver)")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
                             verbose_name=_("user"))
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("agency"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OFFICER)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency.short_name} ({self.role})"


class OfficerProfile(models.Model):
    """Per-officer details; the regulation has each agency assign capable coordinating staff."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer",
                                verbose_name=_("user"))
    # "title" alone is also the title of a case or a meeting; here it is the officer's position.
    title = models.CharField(pgettext_lazy("officer", "title"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_designated_coordinator = models.BooleanField(_("designated coordinating officer"), default=False)
    digest_enabled = models.BooleanField(_("daily digest"), default=False)

    class Meta:
        verbose_name = _("officer profile")
        verbose_name_plural = _("officer profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.title})"


def default_token_scopes() -> list[str]:
    # Tokens issued before scopes existed were push-collector tokens: they keep exactly that.
    return ["push"]


class ApiToken(models.Model):
    """A token an agency's systems use for the API. Only the SHA-256 of the token is stored.

    Scopes: `read` (GET the workflow), `push` (POST items), `act` (the writes officers make on the
    screens). A token acts for its agency only, with the role its user holds there.
    """

    SCOPES = (("read", _("read")), ("push", _("push items")), ("act", _("act (acknowledge, answer, report)")))

    name = models.CharField(_("name"), max_length=100)
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("agency"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("user"))
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    prefix = models.CharField(_("prefix"), max_length=8)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    scopes = models.JSONField(_("scopes"), default=default_token_scopes, blank=True)
    # None only for tokens issued before expiry existed; every new token has one.
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    @staticmethod
    def hash_key(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate_key() -> str:
        return "hd_" + secrets.token_urlsafe(32)
