"""Issue #15 item 3: reversing a removal already carried out plans the restoration and changes the outcome."""

import pytest
from django.urls import reverse

from haidang.cases import actions
from haidang.cases.choices import ActionKind, ActionStatus, CaseState, DecisionType
from haidang.cases.errors import CaseError

from .helpers import add_removal, appraised_case


def _closed_after_removal(p):
    case = appraised_case(p)
    removal = add_removal(p, case)
    actions.do_approve_plan(case, acting_user=p.lena)
    actions.do_second_approve_action(removal, acting_user=p.lars)
    actions.do_start_action(removal, acting_user=p.alice)
    actions.do_record_proof(removal, acting_user=p.alice, text="platform confirmed")
    actions.do_complete_action(removal, acting_user=p.alice, result="removed")
    actions.do_close_case(case, acting_user=p.alice, outcome="The page was removed.")
    case.refresh_from_db()
    return case, removal


@pytest.mark.django_db
def test_a_reversal_creates_a_restoration_action_and_changes_the_outcome(personas):
    p = personas
    case, removal = _closed_after_removal(p)
    assert case.state == CaseState.CLOSED
    appeal = actions.do_file_appeal(acting_user=p.bob, decision_type=DecisionType.ACTION, target_id=removal.pk,
                                    grounds="The page was satire.")
    actions.do_decide_appeal(appeal, acting_user=p.lars, reverse_decision=True, reason="It was lawful satire")
    case.refresh_from_db()
    removal.refresh_from_db()
    assert removal.status == ActionStatus.REVERSED
    restoration = case.actions.get(kind=ActionKind.RESTORE_CONTENT)
    assert restoration.owner_agency_id == removal.owner_agency_id and restoration.deadline is not None
    assert restoration.status == ActionStatus.READY and restoration.target_url == removal.target_url
    assert restoration.plan_id == removal.plan_id and case.current_plan().pk == removal.plan_id
    # The case is back in handling, its outcome says why, and the timeline tells it.
    assert case.state == CaseState.HANDLING and case.closed_at is None
    assert case.outcome.startswith("The page was removed.") and "It was lawful satire" in case.outcome
    types = list(case.events.values_list("type", flat=True))
    assert {"plan_action_added", "outcome_changed", "decision_reversed"} <= set(types)
    assert case.events.filter(type="state_changed", parameters__new=CaseState.HANDLING).exists()

    # Restoring needs proof, like any action that acts outside; then the case closes again.
    actions.do_start_action(restoration, acting_user=p.alice)
    with pytest.raises(CaseError):
        actions.do_complete_action(restoration, acting_user=p.alice, result="restored")
    actions.do_record_proof(restoration, acting_user=p.alice, text="the platform restored it")
    actions.do_complete_action(restoration, acting_user=p.alice, result="restored")
    actions.do_close_case(case, acting_user=p.alice, outcome="Removed, then restored on appeal.")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED

    page = p.client_for(p.lena).get(reverse("cases:detail", args=[case.pk]), {"tab": "actions"}).content.decode()
    assert "ask the platform to restore the content" in page


@pytest.mark.django_db
def test_reversing_an_unfinished_removal_plans_no_restoration(personas):
    p = personas
    case = appraised_case(p)
    removal = add_removal(p, case)
    actions.do_approve_plan(case, acting_user=p.lena)
    actions.do_second_approve_action(removal, acting_user=p.lars)
    actions.do_reverse_decision(acting_user=p.lena, decision_type=DecisionType.ACTION, target_id=removal.pk,
                                reason="not needed")
    assert not case.actions.filter(kind=ActionKind.RESTORE_CONTENT).exists()
