"""Items (posts, articles, comments), their revisions, and evidence snapshots."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet
from haidang.sources.choices import Platform

from .choices import RevisionKind, SnapshotKind


class MonitoringQuerySet(RestrictedQuerySet):
    """Items and snapshots are public online information collected for monitoring: every
    active officer of any participating agency may read them; people without a membership see nothing."""

    def _restrict(self, user, action):
        from haidang.agencies import access

        if not access.agency_ids(user):
            return self.none()
        return self


# Rules handed down by apps above content (cases: a confidential case's proof is need-to-know).
# Each takes a user and returns the snapshot ids that user must not see; content cannot import them.
_snapshot_rules: list = []


def register_snapshot_rule(rule) -> None:
    """Called from an upper app's ready(); registering the same rule twice has no effect."""
    if rule not in _snapshot_rules:
        _snapshot_rules.append(rule)


class SnapshotQuerySet(MonitoringQuerySet):
    def _restrict(self, user, action):
        qs = super()._restrict(user, action)
        for rule in _snapshot_rules:
            hidden = rule(user)
            if hidden:
                qs = qs.exclude(pk__in=hidden)
        return qs


class Snapshot(models.Model):
    """Evidence: one fetched response (or pushed JSON), stored as a WARC file named by its SHA-256.

    `sha256` is the digest of the stored file, `payload_sha256` the digest of the body alone;
    `haidang snapshot verify` recomputes both.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=SnapshotKind.choices, default=SnapshotKind.HTTP)
    url = models.CharField(_("URL"), max_length=2000, blank=True)
    final_url = models.CharField(_("final URL"), max_length=2000, blank=True)
    status_code = models.PositiveIntegerField(_("HTTP status"), null=True, blank=True)
    content_type = models.CharField(_("content type"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    fetched_at = models.DateTimeField(_("fetched at"), default=timezone.now, db_index=True)
    sha256 = models.CharField(_("SHA-256 of the WARC file"), max_length=64, unique=True)
    payload_sha256 = models.CharField(_("SHA-256 of the body"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    path = models.CharField(_("path"), max_length=300, help_text=_("relative to EVIDENCE_DIR"))
    source = models.ForeignKey(
        "sources.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="snapshots"
    , verbose_name=_("source"))
    # Set when the snapshot was taken of one item on purpose (e.g. a re-fetch proving a removal).
    item = models.ForeignKey("content.Item", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="proof_snapshots", verbose_name=_("item"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    , verbose_name=_("created by"))

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-fetched_at"]
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")

    def __str__(self) -> str:
        return f"{self.url or self.kind} @ {self.fetched_at:%Y-%m-%d %H:%M} ({self.sha256[:12]})"

    @property
    def file_path(self):
        return settings.EVIDENCE_DIR / self.path


class Item(models.Model):
    """One post, article or comment as collected. `text` is plain text (never markup);
    the raw response lives only in the linked evidence snapshot."""

    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="items",
                               verbose_name=_("source"))
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices, default=Platform.WEB)
    # Null, not "", when absent: the unique constraint only applies to items that have an id.
    external_id = models.CharField(_("external id"), max_length=255, null=True, blank=True)
    url = models.CharField(_("URL"), max_length=2000, blank=True)
    canonical_url = models.CharField(_("canonical URL"), max_length=2000, blank=True)
    # A long URL cannot be in a B-tree index on every database; its digest can.
    canonical_url_hash = models.CharField(_("canonical URL hash"), max_length=64, blank=True, db_index=True)
    author_name = models.CharField(_("author"), max_length=300, blank=True)
    author_handle = models.CharField(_("author handle"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now, db_index=True)
    title = models.TextField(_("title"), blank=True)
    text = models.TextField(_("text"), blank=True)
    # fold(title + " " + text): lower-case, accent-free, for accent-insensitive search.
    text_folded = models.TextField(_("folded text"), blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    likes = models.PositiveBigIntegerField(_("likes"), default=0)
    shares = models.PositiveBigIntegerField(_("shares"), default=0)
    comments = models.PositiveBigIntegerField(_("comments"), default=0)
    views = models.PositiveBigIntegerField(_("views"), default=0)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies",
                               verbose_name=_("reply to"))
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    # Copied from the source so that every list can show and filter press items cheaply.
    is_press = models.BooleanField(_("press"), default=False, db_index=True)
    deleted_at = models.DateTimeField(_("removed at source"), null=True, blank=True)
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="items",
                                 verbose_name=_("evidence"))
    extra = models.JSONField(_("extra data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = MonitoringQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        # The feed pages by (fetched_at, id) with a seek condition, never OFFSET or COUNT(*).
        indexes = [
            models.Index(fields=["fetched_at", "id"], name="item_fetched_id_idx"),
            # The feed filtered by source is a seek too, not a sort of all that source's items.
            models.Index(fields=["source", "fetched_at", "id"], name="item_source_fetched_idx"),
            # An item page's replies, oldest first: without it SQLite walks the published_at index of
            # every item to find one item's replies (1.7 s at a million items, bench/web.py).
            models.Index(fields=["parent", "published_at"], name="item_parent_published_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=models.Q(external_id__isnull=False),
                name="item_unique_source_external_id",
            ),
            models.UniqueConstraint(
                fields=["source", "canonical_url_hash"], condition=models.Q(external_id__isnull=True),
                name="item_unique_source_url_without_id",
            ),
            # Without an id an item must have a URL to be told apart from others.
            models.CheckConstraint(
                condition=models.Q(external_id__isnull=False) | ~models.Q(canonical_url_hash=""),
                name="item_has_id_or_url",
            ),
        ]

    def __str__(self) -> str:
        return (self.title or self.text[:60] or self.canonical_url)[:80]

    @property
    def engagement(self) -> int:
        return self.likes + self.shares + self.comments


class ItemRevision(models.Model):
    """The previous state of an item that was edited or deleted at its source: edits are evidence."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("item"))
    kind = models.CharField(_("kind"), max_length=10, choices=RevisionKind.choices, default=RevisionKind.EDIT)
    title = models.TextField(_("title"), blank=True)
    text = models.TextField(_("text"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    data = models.JSONField(_("data"), default=dict, blank=True, help_text=_("other fields as they were"))
    snapshot = models.ForeignKey(Snapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("snapshot"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = MonitoringQuerySet.as_manager()

    class Meta:
        ordering = ["item", "recorded_at", "id"]
        verbose_name = _("item revision")
        verbose_name_plural = _("item revisions")

    def __str__(self) -> str:
        return f"{self.item_id} {self.kind} @ {self.recorded_at:%Y-%m-%d %H:%M}"
