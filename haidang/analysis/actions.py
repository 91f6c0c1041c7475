"""Writes of the analysis domain. Every write records an audit entry."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haidang.agencies import access
from haidang.audit.actions import record

from .choices import HarmCategory, VerdictOutcome
from .models import ItemSignals, ItemTag, ModelVersion, Verdict, WatchList
from .tags import replace_tags
from .watchlists import QueryError, invalidate_cache, parse_query

WATCHLIST_FIELDS = ("name", "query", "term_mode", "urgent", "active", "category", "place_hint")


def _check_query(query: str, term_mode: str) -> None:
    try:
        parse_query(query, sensitive=term_mode == "sensitive")
    except QueryError as exc:
        raise ValidationError({"query": str(exc)})


def _require_owner(acting_user, owner) -> None:
    if acting_user is None:
        return  # the system itself (demo loader, tests' set-up)
    if access.has_role(acting_user, owner) or access.is_lead_member(acting_user, access.WORKING_ROLES):
        return
    raise PermissionDenied(_("Only the owning agency or the lead agency may change this watch-list."))


@transaction.atomic
def do_create_watchlist(*, name: str, query: str, owner, acting_user=None, term_mode: str = "insensitive",
                        urgent: bool = False, active: bool = True, category: str = "",
                        place_hint: str = "") -> WatchList:
    _require_owner(acting_user, owner)
    _check_query(query, term_mode)
    watchlist = WatchList.objects.create(
        name=name, query=query, owner=owner, term_mode=term_mode, urgent=urgent, active=active,
        category=category, place_hint=place_hint,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    record("watchlist.create", actor=acting_user, obj=watchlist, agency=owner,
           changes={f: getattr(watchlist, f) for f in WATCHLIST_FIELDS})
    transaction.on_commit(invalidate_cache)
    return watchlist


@transaction.atomic
def do_update_watchlist(watchlist: WatchList, *, acting_user=None, **fields) -> WatchList:
    _require_owner(acting_user, watchlist.owner)
    unknown = set(fields) - set(WATCHLIST_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    _check_query(fields.get("query", watchlist.query), fields.get("term_mode", watchlist.term_mode))
    before = {f: getattr(watchlist, f) for f in fields}
    for key, value in fields.items():
        setattr(watchlist, key, value)
    watchlist.updated_at = timezone.now()
    watchlist.save(update_fields=[*fields, "updated_at"])
    record("watchlist.update", actor=acting_user, obj=watchlist, agency=watchlist.owner,
           changes={"before": before, "after": fields})
    transaction.on_commit(invalidate_cache)
    return watchlist


@transaction.atomic
def do_register_model_version(*, task: str, version: str, path: str, sha256: str, data: list, metrics: dict,
                              code_version: str = "", activate: bool = True, acting_user=None) -> ModelVersion:
    """Record a trained artefact; with `activate`, it becomes the task's one active model."""
    mv, _created = ModelVersion.objects.update_or_create(
        task=task, version=version,
        defaults={"path": path, "sha256": sha256, "data": data, "metrics": metrics, "code_version": code_version,
                  "created_by": acting_user if getattr(acting_user, "is_authenticated", False) else None},
    )
    record("model.register", actor=acting_user, obj=mv,
           changes={"task": task, "version": version, "sha256": sha256, "metrics": metrics, "data": data})
    if activate:
        do_activate_model_version(mv, acting_user=acting_user)
    return mv


@transaction.atomic
def do_activate_model_version(mv: ModelVersion, *, acting_user=None) -> ModelVersion:
    ModelVersion.objects.filter(task=mv.task, active=True).exclude(pk=mv.pk).update(active=False)
    if not mv.active:
        mv.active = True
        mv.save(update_fields=["active"])
    record("model.activate", actor=acting_user, obj=mv, changes={"task": mv.task, "version": mv.version})
    from . import registry

    transaction.on_commit(registry.clear_cache)
    return mv


@transaction.atomic
def do_record_verdict(item, *, outcome: str, acting_user, category: str = "", subtopic: str = "",
                      note: str = "") -> Verdict:
    """An officer's verdict on an item; stored as a label for retraining."""
    if acting_user is None or not access.agency_ids(acting_user, access.WORKING_ROLES):
        if not getattr(acting_user, "is_superuser", False):
            raise PermissionDenied(_("Only officers of a participating agency may record verdicts."))
    if outcome not in VerdictOutcome.values:
        raise ValidationError({"outcome": _("Unknown outcome.")})
    if outcome == VerdictOutcome.CONFIRMED and category not in HarmCategory.values:
        raise ValidationError({"category": _("A confirmed verdict needs a category.")})
    verdict = Verdict.objects.create(
        item=item, outcome=outcome, category=category if outcome == VerdictOutcome.CONFIRMED else "",
        subtopic=subtopic, note=note, agency=access.primary_agency(acting_user), created_by=acting_user,
    )
    record("verdict.create", actor=acting_user, obj=verdict,
           changes={"item": item.pk, "outcome": outcome, "category": verdict.category, "subtopic": subtopic})
    return verdict


@transaction.atomic
def do_store_item_signals(results: dict[int, dict], *, model_versions: dict, acting_user=None) -> int:
    """Create or replace the signals of many items (the analysis task's bulk write).

    One audit entry per batch, listing the item ids, rather than one per item: the analyser
    writes thousands of rows an hour and each row is derived, reproducible data.
    """
    if not results:
        return 0
    now = timezone.now()
    existing = dict(ItemSignals.objects.filter(item_id__in=list(results)).values_list("item_id", "pk"))
    new, changed = [], []
    for item_id, r in results.items():
        row = ItemSignals(
            pk=existing.get(item_id), item_id=item_id, categories=r["categories"],
            top_category=r.get("top_category", ""), priority=r["priority"], risk=r["risk"],
            watchlist_hits=r["watchlists"], places=r["places"], entities=r["entities"], why=r["why"],
            model_versions=model_versions, analyzed_at=now,
        )
        (changed if row.pk else new).append(row)
    if new:
        ItemSignals.objects.bulk_create(new, batch_size=500)
    if changed:
        ItemSignals.objects.bulk_update(
            changed, ["categories", "top_category", "priority", "risk", "watchlist_hits", "places", "entities",
                      "why", "model_versions", "analyzed_at"], batch_size=500)
    # The feed filters on the indexed tags, not the JSON: rewrite them with the signals (same transaction).
    replace_tags(ItemTag, [(item_id, r["places"], r["watchlists"]) for item_id, r in results.items()])
    record("signals.store", actor=acting_user, object_type="analysis.itemsignals",
           changes={"items": sorted(results), "created": len(new), "updated": len(changed),
                    "models": model_versions})
    return len(results)


def do_activate_version(version: str, *, acting_user=None) -> dict:
    """Make `version` its task's active model: the `ModelVersion` row (created if only the files know the
    version; both writes are audited by the actions) when there is a database, and registry.json.
    Refuses an unknown version (LookupError), a missing file, or one that fails its SHA-256 check."""
    from . import registry

    row = registry.get_version(version)
    if row is None:
        raise LookupError(f"unknown model version {version!r} (haidang models list shows them)")
    path = Path(row["path"])
    if not path.exists():
        raise ValueError(f"{path}: the file of {version} is missing")
    registry.load_model(path, sha256=row["sha256"])  # integrity and features version, before anything is switched
    task = row["task"]
    if registry.db_available():
        mv = ModelVersion.objects.filter(task=task, version=version).first()
        if mv is None:
            do_register_model_version(task=task, version=version, path=str(path.resolve()), sha256=row["sha256"],
                                      data=row.get("data") or [], metrics=row.get("dev_metrics") or {},
                                      code_version=row.get("code_version") or "", activate=True,
                                      acting_user=acting_user)
        else:
            do_activate_model_version(mv, acting_user=acting_user)
    local = next((r for r in row["records"] if r["source"] == "local"), None)
    meta = {k: v for k, v in (local or row["records"][0]).items() if k not in ("source", "active_here")}
    meta.update({"task": task, "version": version, "path": str(path.resolve()), "sha256": row["sha256"]})
    registry.write_local_entry(task, version, meta, activate=True)
    registry.clear_cache()
    return row
