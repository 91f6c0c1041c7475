"""Thin Huey tasks: take ids, call idempotent actions."""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task()
def match_claims_task(item_ids: list[int]) -> dict:
    """Items just put into stories: match them against the known claims."""
    from .actions import do_match_items

    return do_match_items(item_ids)


@db_task()
def match_claims_backward_task(claim_pks: list[int], after_id: int = 0, done: int = 0) -> dict:
    """Claims recorded, edited or approved: match them against recent items, one chunk a task (a long scan
    never holds a worker or a transaction for long); the next chunk is queued until the window is covered or
    BACKWARD_MAX_ITEMS items have been seen. One scan serves all the claims of an import."""
    from .actions import backward_item_ids, do_match_claims_backward
    from .conf import conf

    limit = min(int(conf("BACKWARD_CHUNK")), int(conf("BACKWARD_MAX_ITEMS")) - done)
    ids = backward_item_ids(after_id=after_id, limit=limit) if limit > 0 else []
    counts = do_match_claims_backward(claim_pks, ids)
    if ids and len(ids) == limit and counts["claims"]:
        match_claims_backward_task(claim_pks, after_id=ids[-1], done=done + len(ids))
    return counts
