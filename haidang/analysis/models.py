"""Models of the analysis domain: watch-lists, model versions, officers' verdicts and per-item signals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from haidang.core.models import RestrictedQuerySet

from .choices import HarmCategory, MisinformationSubtopic, Priority, TermMode, VerdictOutcome


class MembersQuerySet(RestrictedQuerySet):
    """Readable by every active officer of a participating agency (like the items themselves)."""

    def _restrict(self, user, action):
        from haidang.agencies import access

        if not access.agency_ids(user):
            return self.none()
        if action == "view":
            return self
        # Changing is for the working roles of the owning agency (and the lead agency).
        agencies = access.agency_ids(user, access.WORKING_ROLES)
        lead = access.lead_agency()
        if lead is not None and lead.pk in agencies:
            return self
        return self.filter(owner_id__in=agencies) if hasattr(self.model, "owner_id") else self.none()


class WatchListQuerySet(MembersQuerySet):
    def cache_version(self) -> str:
        """Changes whenever a watch-list is added, changed or removed: the compile cache key."""
        agg = WatchList.objects.aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
        return f"{agg['n']}:{agg['top']}:{agg['last']}"


class WatchList(models.Model):
    """A topic to watch, defined by a boolean keyword query (see `analysis/watchlists.py`)."""

    name = models.CharField(_("name"), max_length=200)
    query = models.TextField(_("query"), help_text=_('e.g. ("lừa đảo" OR "chiếm đoạt") AND tiền NOT "bão giá"'))
    term_mode = models.CharField(_("diacritics"), max_length=12, choices=TermMode.choices,
                                 default=TermMode.INSENSITIVE)
    urgent = models.BooleanField(_("urgent"), default=False,
                                 help_text=_("A match raises the item's priority to urgent."))
    owner = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="watchlists",
                              verbose_name=_("owner agency"))
    active = models.BooleanField(_("active"), default=True)
    category = models.CharField(_("category hint"), max_length=20, choices=HarmCategory.choices, blank=True)
    place_hint = models.CharField(_("place hint"), max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = WatchListQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("watch-list")
        verbose_name_plural = _("watch-lists")

    def __str__(self) -> str:
        return self.name


class ModelVersionQuerySet(RestrictedQuerySet):
    def _restrict(self, user, action):
        from haidang.agencies import access

        return self if access.agency_ids(user) else self.none()


class ModelVersion(models.Model):
    """A trained classifier artefact with its provenance; at most one is active per task.

    The shipped defaults live in the package (`analysis/shipped/`) and are used when no row is
    active; locally trained models live under settings.MODELS_DIR.
    """

    task = models.CharField(_("task"), max_length=40, db_index=True)
    version = models.CharField(_("version"), max_length=80)
    path = models.CharField(_("path"), max_length=500)
    sha256 = models.CharField(_("SHA-256 of the artefact"), max_length=64)
    data = models.JSONField(_("training data"), default=list, blank=True,
                            help_text=_("Files and their SHA-256 hashes."))
    metrics = models.JSONField(_("dev metrics"), default=dict, blank=True)
    code_version = models.CharField(_("code version"), max_length=80, blank=True)
    active = models.BooleanField(_("active"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = ModelVersionQuerySet.as_manager()

    class Meta:
        ordering = ["task", "-created_at"]
        verbose_name = _("model version")
        verbose_name_plural = _("model versions")
        constraints = [
            models.UniqueConstraint(fields=["task"], condition=models.Q(active=True),
                                    name="analysis_one_active_model_per_task"),
            models.UniqueConstraint(fields=["task", "version"], name="analysis_unique_task_version"),
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.version}{' (active)' if self.active else ''}"


class Verdict(models.Model):
    """An officer's verdict on an item: confirmed harmful (with a category) or not harmful.

    Verdicts are labels for retraining (`haidang train --include-feedback`)."""

    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="verdicts",
                             verbose_name=_("item"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=VerdictOutcome.choices)
    category = models.CharField(_("category"), max_length=20, choices=HarmCategory.choices, blank=True)
    subtopic = models.CharField(_("subtopic"), max_length=20, choices=MisinformationSubtopic.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("agency"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    objects = MembersQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.outcome} {self.category}"


class ItemSignals(models.Model):
    """The analyser's result for one item: categories, priority, risk, hits, places, entities, why."""

    item = models.OneToOneField("content.Item", on_delete=models.CASCADE, related_name="signals",
                                verbose_name=_("item"))
    categories = models.JSONField(_("category probabilities"), default=dict, blank=True)
    top_category = models.CharField(_("top category"), max_length=20, choices=HarmCategory.choices,
                                    blank=True, db_index=True)
    priority = models.CharField(_("priority"), max_length=8, choices=Priority.choices, default=Priority.LOW,
                                db_index=True)
    risk = models.FloatField(_("risk"), default=0.0, db_index=True)
    watchlist_hits = models.JSONField(_("watch-list hits"), default=list, blank=True)
    places = models.JSONField(_("places"), default=list, blank=True)
    entities = models.JSONField(_("entities"), default=dict, blank=True)
    why = models.JSONField(_("why"), default=list, blank=True)
    model_versions = models.JSONField(_("model versions"), default=dict, blank=True)
    analyzed_at = models.DateTimeField(_("analysed at"), default=timezone.now)

    objects = MembersQuerySet.as_manager()

    class Meta:
        verbose_name = _("item signals")
        verbose_name_plural = _("item signals")

    def __str__(self) -> str:
        return f"{self.item_id}: {self.top_category} {self.priority}"


class TagKind(models.TextChoices):
    PLACE = "place", _("place")
    WATCHLIST = "watchlist", _("watch-list")


class ItemTag(models.Model):
    """One (kind, key) fact about an item, copied out of its ItemSignals: a place code or a watch-list id.

    Derived data, rewritten with the signals by `do_store_item_signals` (see `analysis/tags.py`).
    """

    # Why a side table: the feed's place and watch-list filters used to match text inside the
    # `places` / `watchlist_hits` JSON columns, which no index can serve on SQLite, so a rare value
    # meant scanning the newest items until a page filled. The (kind, key, item) index answers
    # "which items carry this tag" directly (covering: the feed's `id IN (...)` never reads the table);
    # the matches are then ordered by the feed's (fetched_at, id) keyset. The unique constraint keeps
    # one row per fact and serves the per-item delete when the signals are rewritten.
    item = models.ForeignKey("content.Item", on_delete=models.CASCADE, related_name="tags",
                             verbose_name=_("item"))
    kind = models.CharField(_("kind"), max_length=12, choices=TagKind.choices)
    key = models.CharField(_("key"), max_length=40)

    class Meta:
        verbose_name = _("item tag")
        verbose_name_plural = _("item tags")
        constraints = [models.UniqueConstraint(fields=["item", "kind", "key"], name="analysis_itemtag_unique")]
        indexes = [models.Index(fields=["kind", "key", "item"], name="analysis_itemtag_lookup")]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.kind}={self.key}"
