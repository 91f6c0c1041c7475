"""Receivers: new items are matched against the claims, and claims recorded or approved against recent items
(the library's own `claims_recorded`); an approved "publish official information" action publishes the case's
claims. The rooms below (alerts, cases) send their signals knowing nothing of claims."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from haidang.alerts.signals import stories_assigned
from haidang.cases.choices import ActionKind, ActionStatus
from haidang.cases.models import HandlingAction

from .signals import claims_recorded
from .tasks import match_claims_backward_task, match_claims_task


@receiver(stories_assigned, dispatch_uid="claims.stories_assigned")
def enqueue_matching(sender, item_ids=None, **kwargs):
    # alerts sends this after its commit: the items' stories are there to join.
    if item_ids:
        match_claims_task([int(i) for i in item_ids])


@receiver(claims_recorded, dispatch_uid="claims.match_backward")
def enqueue_backward_matching(sender, claim_pks=None, **kwargs):
    """Claims recorded, edited or approved are matched against recent items too, so the repeats seen
    before they existed are found (actions send this after their commit)."""
    if claim_pks:
        match_claims_backward_task([int(pk) for pk in claim_pks])


@receiver(post_save, sender=HandlingAction, dispatch_uid="claims.publish_on_approval")
def publish_on_approval(sender, instance: HandlingAction, update_fields=None, **kwargs):
    """A leader approved the plan (cases.actions.do_approve_plan sets each action READY): the
    "publish official information" action now publishes the case's draft claims, on the approver's name."""
    if instance.kind != ActionKind.PUBLISH_OFFICIAL_INFO or instance.status != ActionStatus.READY:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    plan = instance.plan
    approver = plan.approved_by or instance.second_approved_by
    if approver is None:
        return
    case, action_id = instance.case, instance.pk

    def publish():
        from .actions import do_publish_case_claims

        do_publish_case_claims(case, acting_user=approver, via=f"action:{action_id}")

    transaction.on_commit(publish, robust=True)  # a failed publication must not undo the approved plan
