"""Thin Huey tasks: take ids, call idempotent actions."""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task()
def match_claims_task(item_ids: list[int]) -> dict:
    """Items just put into stories: match them against the known claims."""
    from .actions import do_match_items

    return do_match_items(item_ids)
