"""The process-wide claim index, rebuilt when the claims change (one cheap query tells)."""

from __future__ import annotations

import threading

from django.db.models import Count, Max

from .matching import ClaimIndex

_lock = threading.Lock()
_state: dict = {"stamp": None, "index": None}


def _stamp():
    from .models import Claim

    row = Claim.objects.matchable().aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
    return row["n"], row["last"], row["top"]


def get_index() -> ClaimIndex:
    """The index of every claim not withdrawn (keys: claim pks)."""
    from .models import Claim

    stamp = _stamp()
    with _lock:
        if _state["stamp"] != stamp or _state["index"] is None:
            rows = Claim.objects.matchable().order_by("pk").values_list("pk", "statement")
            _state["index"] = ClaimIndex(list(rows))
            _state["stamp"] = stamp
        return _state["index"]


def reset_index() -> None:
    with _lock:
        _state.update(stamp=None, index=None)
