"""Stories (near-duplicate clusters of items), their merges, hourly volume counters, alerts,
the routing table and notification bookkeeping.

These live here rather than in `content` (as the first architecture sketch had it) so that the
stories/alerts pipeline is one app with one owner; `content.Item` is only referenced.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import (
    AlertKind,
    AlertStatus,
    HarmCategory,
    JoinReason,
    Priority,
    SpikeDimension,
)


class StoryQuerySet(RestrictedQuerySet):
    """Stories are made of public items: they follow item visibility (every active officer of a
    participating agency; nobody without a membership)."""

    def _restrict(self, user, action):
        from haidang.agencies import access

        if not access.agency_ids(user):
            return self.none()
        return self

    def live(self):
        return self.filter(merged_into__isnull=True)


class Story(models.Model):
    """Near-duplicate items (the same claim across sources), with its spread."""

    title = models.CharField(_("title"), max_length=300, blank=True)
    representative = models.ForeignKey("content.Item", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+", verbose_name=_("representative item"))
    representative_engagement = models.BigIntegerField(_("representative engagement"), default=0)
    first_seen = models.DateTimeField(_("first seen"), db_index=True)
    last_seen = models.DateTimeField(_("last seen"), db_index=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    source_count = models.PositiveIntegerField(_("sources"), default=0)
    total_engagement = models.BigIntegerField(_("engagement"), default=0)
    growth_1h = models.FloatField(_("items/hour, last hour"), default=0.0)
    growth_6h = models.FloatField(_("items/hour, last 6 hours"), default=0.0)
    growth_24h = models.FloatField(_("items/hour, last 24 hours"), default=0.0)
    category_counts = models.JSONField(_("category counts"), default=dict, blank=True)
    place_counts = models.JSONField(_("place counts"), default=dict, blank=True, help_text=_("place code -> [name, count]"))
    subtopics = models.JSONField(_("subtopics"), default=list, blank=True)
    topic_ids = models.JSONField(_("watch-list topics"), default=list, blank=True, help_text=_("watch-lists that matched its items"))
    dominant_category = models.CharField(_("dominant category"), max_length=20, choices=HarmCategory.choices,
                                         blank=True, db_index=True)
    max_priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, default=Priority.LOW,
                                    db_index=True)
    max_risk = models.FloatField(_("risk"), default=0.0)
    urgent_hit = models.BooleanField(_("urgent watch-list hit"), default=False)
    indexed_count = models.PositiveIntegerField(_("indexed count"), default=0, help_text=_("members kept in the LSH index"))
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="absorbed", verbose_name=_("merged into"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, db_index=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"

    def top_places(self, n: int = 5) -> list[tuple[str, int]]:
        rows = sorted(self.place_counts.values(), key=lambda v: -v[1])
        return [(name, count) for name, count in rows[:n]]


class StoryItem(models.Model):
    """An item's membership in a story, with the text signature that put it there.

    `shingles` (sorted uint32 shingle hashes) verify candidates exactly; `signature` (MinHash)
    rebuilds the LSH index without re-reading text. Only `indexed` rows are in the index: copies
    nearly identical to an indexed item are not, so a burst of identical posts keeps buckets small.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("story"))
    item = models.OneToOneField("content.Item", on_delete=models.CASCADE, related_name="story_membership", verbose_name=_("item"))
    source_id = models.BigIntegerField(_("source ID"), db_index=True)
    seen_at = models.DateTimeField(_("seen at"))
    engagement = models.BigIntegerField(_("engagement"), default=0)
    joined_by = models.CharField(_("joined by"), max_length=10, choices=JoinReason.choices, default=JoinReason.NEW)
    similarity = models.FloatField(_("similarity"), null=True, blank=True)
    shingle_count = models.PositiveIntegerField(_("shingle count"), default=0)
    shingles = models.BinaryField(_("shingles"), blank=True, default=b"")
    signature = models.BinaryField(_("signature"), blank=True, default=b"")
    indexed = models.BooleanField(_("indexed"), default=False)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("story membership")
        verbose_name_plural = _("story memberships")
        indexes = [
            models.Index(fields=["story", "seen_at"], name="storyitem_story_seen_idx"),
            models.Index(fields=["story", "source_id"], name="storyitem_story_source_idx"),
        ]

    def __str__(self) -> str:
        return f"item {self.item_id} in story {self.story_id} ({self.joined_by})"


class StoryMerge(models.Model):
    """Two stories found to be one (an item linked both): `merged` now lives in `into`."""

    into = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="merges_in", verbose_name=_("merged into"))
    merged = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="merges_out", verbose_name=_("merged story"))
    linking_item = models.ForeignKey("content.Item", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("linking item"))
    items_moved = models.PositiveIntegerField(_("items moved"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("story merge")
        verbose_name_plural = _("story merges")

    def __str__(self) -> str:
        return f"{self.merged_id} → {self.into_id}"


class VolumeCount(models.Model):
    """Items per hour for one watch-list topic, place or category: the spike detector's series."""

    dimension = models.CharField(_("dimension"), max_length=10, choices=SpikeDimension.choices)
    key = models.CharField(_("key"), max_length=64)
    hour = models.DateTimeField(_("hour"), help_text=_("start of the hour (UTC)"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("hourly count")
        verbose_name_plural = _("hourly counts")
        constraints = [models.UniqueConstraint(fields=["dimension", "key", "hour"], name="volumecount_unique_hour")]

    def __str__(self) -> str:
        return f"{self.dimension}:{self.key} @ {self.hour:%Y-%m-%d %H}h = {self.count}"


class RoutingRule(models.Model):
    """One row of the editable routing table: alerts matching it go to `agency`'s queue.

    Rules are tried by ascending `order`; the first that matches wins. Empty fields match
    anything. With `to_place_agency`, the rule routes to the ward/commune committee whose place
    the story names (Agency.place_code / place_name) instead of a fixed agency.
    """

    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=100, db_index=True)
    category = models.CharField(_("category"), max_length=20, choices=HarmCategory.choices, blank=True)
    subtopic = models.CharField(_("subtopic"), max_length=20, blank=True,
                                help_text=_("e.g. health, disaster_epidemic (misinformation subtopics)"))
    topic = models.ForeignKey("analysis.WatchList", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="+", verbose_name=_("watch-list topic"))
    keywords = models.TextField(_("keywords"), blank=True,
                                help_text=_("Comma-separated; any of them (diacritics ignored) matches."))
    place_code = models.CharField(_("place code"), max_length=20, blank=True)
    to_place_agency = models.BooleanField(_("route to the named place's committee"), default=False)
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="+", verbose_name=_("agency"))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        constraints = [
            models.CheckConstraint(condition=models.Q(agency__isnull=False) | models.Q(to_place_agency=True),
                                   name="routingrule_has_target"),
        ]

    def __str__(self) -> str:
        return self.name


class AlertQuerySet(RestrictedQuerySet):
    """An alert is seen by members of the agency it is routed to, and by the lead agency when it
    is high or urgent (the lead agency always sees those). Lower alerts stay in their agency's
    queue: the items and stories behind them are visible to every officer anyway."""

    def _restrict(self, user, action):
        from haidang.agencies import access

        roles = access.ALL_ROLES if action == "view" else access.WORKING_ROLES
        agencies = access.agency_ids(user, roles)
        if not agencies:
            return self.none()
        q = models.Q(agency_id__in=agencies)
        lead = access.lead_agency_for(user)  # kept for the request: the queue page restricts three times
        if lead is not None and lead.pk in agencies:
            q |= models.Q(priority__in=[Priority.HIGH, Priority.URGENT])
        return self.filter(q)

    def open(self):
        return self.filter(status__in=[AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED])


class Alert(models.Model):
    """Something an agency should look at now. One per story (updated as it grows) or one per
    spike series and day; `dedupe_key` is unique, so concurrent workers cannot duplicate it."""

    dedupe_key = models.CharField(_("deduplication key"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=AlertKind.choices, default=AlertKind.STORY)
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts",
                              verbose_name=_("story"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, default=Priority.HIGH,
                                db_index=True)
    category = models.CharField(_("category"), max_length=20, choices=HarmCategory.choices, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.SET_NULL, related_name="alerts",
                               verbose_name=_("agency"))
    routed_by = models.CharField(_("routed by"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=AlertStatus.choices, default=AlertStatus.OPEN,
                              db_index=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    spike_dimension = models.CharField(_("spike dimension"), max_length=10, choices=SpikeDimension.choices, blank=True)
    spike_key = models.CharField(_("spike key"), max_length=64, blank=True)
    evidence = models.ForeignKey("content.Snapshot", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("evidence"))
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("handled by"))
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    dismiss_reason = models.TextField(_("reason for dismissal"), blank=True)
    report_id = models.PositiveBigIntegerField(_("report"), null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("merged into"))
    created_at = models.DateTimeField(_("raised"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, db_index=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [
            models.UniqueConstraint(fields=["story"], condition=models.Q(story__isnull=False),
                                    name="alert_one_per_story"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}: {self.title[:60]}"


class NotificationSetting(models.Model):
    """An officer's alert notification preferences (absent = defaults: e-mail on, from high)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_settings", verbose_name=_("user"))
    email = models.BooleanField(_("e-mail me alerts"), default=True)
    min_priority = models.CharField(_("notify from priority"), max_length=8, choices=Priority.choices,
                                    default=Priority.HIGH)

    class Meta:
        verbose_name = _("alert notification setting")
        verbose_name_plural = _("alert notification settings")

    def __str__(self) -> str:
        return f"{self.user}: {self.min_priority}"


class DigestSent(models.Model):
    """One daily digest per officer per day: the unique row is the claim that makes it idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"))
    day = models.DateField(_("day"))
    alert_count = models.PositiveIntegerField(_("alert count"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digest_once_per_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}"
