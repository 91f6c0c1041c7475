"""The audit log in the admin (read-only), and the mixin that makes every other admin page write to it."""

from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.db import router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _

from . import labels
from .actions import record
from .models import AuditEntry

# Never written to the log, only whether they are set or changed.
SECRET_FIELDS = frozenset({"password", "key_hash", "key", "token"})  # key, token: second-factor devices


def snapshot(obj) -> dict:
    """The stored values of an object's fields (many-to-many as sorted ids), secrets masked later."""
    if obj is None or obj.pk is None:
        return {}
    out = {}
    for field in obj._meta.concrete_fields:
        out[field.name] = field.value_from_object(obj)
    for field in obj._meta.many_to_many:
        out[field.name] = sorted(o.pk for o in field.value_from_object(obj))
    return out


def stored(obj) -> dict:
    """snapshot() of the row as it is in the database now (the form has already changed `obj` in memory)."""
    if obj is None or obj.pk is None:
        return {}
    return snapshot(type(obj)._base_manager.filter(pk=obj.pk).first())


def _same(a, b) -> bool:
    # The admin's date-time widgets drop microseconds on every save: not a change anyone made.
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a.replace(microsecond=0) == b.replace(microsecond=0)
    return a == b


def diff(before: dict, after: dict) -> dict:
    """{"before": …, "after": …} with the fields that differ (all of them for an add or a delete)."""
    whole = not (before and after)
    keys = [k for k in {**before, **after} if whole or not _same(before.get(k), after.get(k))]
    out = {"before": {}, "after": {}}
    for key in keys:
        for side, values in (("before", before), ("after", after)):
            if key in values:
                secret = key in SECRET_FIELDS and values[key]
                out[side][key] = ("(set)" if whole else "(changed)") if secret else values[key]
    return out


def cascade(obj) -> dict:
    """What deleting `obj` deletes with it, counted by model (the entry names what else went)."""
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError):
        return {}  # the delete itself will refuse
    counts = {m._meta.label_lower: len(objs) for m, objs in collector.data.items() if m is not type(obj)}
    for qs in collector.fast_deletes:
        counts[qs.model._meta.label_lower] = counts.get(qs.model._meta.label_lower, 0) + qs.count()
    return {k: v for k, v in counts.items() if v}


def _deleted(obj, values) -> dict:
    out = {**diff(values, {}), "repr": str(obj)}
    others = cascade(obj)
    if others:
        out["cascade"] = others
    return out


class AuditedModelAdmin(admin.ModelAdmin):
    """Every save (with its inlines), delete and bulk delete of this admin writes an audit entry with
    the values before and after, in the same transaction as the write."""

    def save_model(self, request, obj, form, change):
        # Kept on the form (one per request) until save_related, when the many-to-many values are in too.
        form._audit_before = stored(obj) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if hasattr(form, "_audit_before"):
            record(f"admin.{'change' if change else 'add'}", actor=request.user, obj=form.instance,
                   changes=diff(form._audit_before, snapshot(form.instance)))

    def save_formset(self, request, form, formset, change):
        model = formset.model
        pks = [f.instance.pk for f in formset.initial_forms if f.instance.pk is not None]
        before = {o.pk: snapshot(o) for o in model._base_manager.filter(pk__in=pks)}
        deleted = [(f.instance.pk, before.get(f.instance.pk, {}), str(f.instance)) for f in formset.deleted_forms
                   if f.instance.pk is not None]
        super().save_formset(request, form, formset, change)
        parent = f"{form.instance._meta.label_lower}:{form.instance.pk}"
        label = model._meta.label_lower
        for obj in formset.new_objects:
            record("admin.add", actor=request.user, obj=obj, changes={**diff({}, snapshot(obj)), "parent": parent})
        for obj, _fields in formset.changed_objects:
            record("admin.change", actor=request.user, obj=obj,
                   changes={**diff(before.get(obj.pk, {}), snapshot(obj)), "parent": parent})
        for pk, values, text in deleted:
            record("admin.delete", actor=request.user, object_type=label, object_id=pk,
                   changes={**diff(values, {}), "repr": text, "parent": parent})

    def delete_model(self, request, obj):
        with transaction.atomic():
            record("admin.delete", actor=request.user, obj=obj, changes=_deleted(obj, stored(obj)))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                record("admin.delete", actor=request.user, obj=obj, changes=_deleted(obj, snapshot(obj)))
            super().delete_queryset(request, queryset)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "actor_name", "agency", "action_label", "object_type", "object_id")
    list_filter = ("action", "object_type")
    search_fields = ("object_id", "actor_name", "request_id", "action")

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, obj):
        # The words first; the code stays visible for filtering and for scripts.
        return f"{labels.label(obj.action)} · {obj.action}" if labels.label(obj.action) != obj.action else obj.action

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
