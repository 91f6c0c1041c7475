"""Sources: where items come from, how often to collect them, and how healthy collection is."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import Platform, SourceKind


class SourceQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        from haidang.agencies import access

        if not access.agency_ids(user):
            return self.none()
        if action == "view":
            # Which sources are watched is shared knowledge among the participating agencies.
            return self
        # Changing a source is for its owner agency's working roles, or the lead agency's.
        if access.is_lead_member(user, access.WORKING_ROLES):
            return self
        return self.filter(agency_id__in=access.agency_ids(user, access.WORKING_ROLES))

    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(active=True, kind__in=[SourceKind.FEED, SourceKind.PAGE], next_due_at__lte=now)


class Source(models.Model):
    """A feed, a web page listing, a file import or a push collector, owned by one agency.

    Health fields (last success/error, consecutive failures, next due time) drive the
    scheduler's exponential backoff; ETag/Last-Modified make polling cheap.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=SourceKind.choices, default=SourceKind.FEED)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="sources", verbose_name=_("owner agency")
    )
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices, default=Platform.WEB)
    interval_minutes = models.PositiveIntegerField(
        _("interval (minutes)"), default=30, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("active"), default=True)
    # Press sources: their items are journalism, to be answered and never taken down.
    is_press = models.BooleanField(_("press"), default=False)
    credibility = models.FloatField(
        _("credibility"), default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 = unknown or unreliable, 1 = official."),
    )
    place_hint = models.CharField(
        _("place hint"), max_length=120, blank=True,
        help_text=_("Province, ward or commune the source is about, used when an item names no place."),
    )
    # For page sources: only links whose URL contains this text are followed (empty = same host).
    link_filter = models.CharField(_("article link filter"), max_length=200, blank=True)

    # Health and scheduling.
    next_due_at = models.DateTimeField(_("next due"), default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    last_fetch_at = models.DateTimeField(_("last fetch"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("consecutive failures"), default=0)
    etag = models.CharField(_("ETag"), max_length=500, blank=True)
    last_modified = models.CharField(_("last modified"), max_length=100, blank=True)
    last_job = models.ForeignKey("core.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("last job"))

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    , verbose_name=_("created by"))

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(credibility__gte=0.0, credibility__lte=1.0), name="source_credibility_0_1"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def healthy(self) -> bool:
        return self.consecutive_failures == 0
