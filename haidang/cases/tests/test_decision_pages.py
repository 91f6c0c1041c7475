"""Issue #15 item 2: the approval, second-approval and appeal pages show the facts decided on."""

import pytest
from django.urls import reverse

from haidang.cases import actions
from haidang.cases.choices import ActionKind, ActionStatus, DecisionType

from .helpers import add_removal, appraised_case


def _submitted(p):
    case = appraised_case(p)
    removal = add_removal(p, case)
    actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.PUBLISH_OFFICIAL_INFO,
                               owner_agency=p.health, description="Warn citizens on the SYT portal")
    actions.do_submit_plan(case, acting_user=p.alice, summary="Remove and warn")
    return case, removal


@pytest.mark.django_db
def test_the_approval_page_shows_actions_owners_targets_legal_basis_and_the_appraisal(personas):
    p = personas
    case, removal = _submitted(p)
    page = p.client_for(p.lena).get(reverse("cases:plan_approve", args=[case.pk])).content.decode()
    assert 'data-testid="decision-facts"' in page
    assert "https://scam.example.net/post/1" in page  # the target
    assert "Luật An ninh mạng" in page and "Điều 16" in page  # the action's legal basis
    assert "fraud on citizens" in page  # the statement of reasons
    assert "Sở Y tế" in page and "SYT" in page and "STTTT" in page  # each owner
    assert 'data-expression="unlawful"' in page and "impersonates SYT to defraud" in page  # appraisal, reasoning
    assert "The page is not ours." in page  # the verification's findings
    # The return page shows the same facts.
    assert 'data-testid="facts-actions"' in p.client_for(p.lena).get(
        reverse("cases:plan_return", args=[case.pk])).content.decode()


@pytest.mark.django_db
def test_the_second_approval_page_shows_the_action_and_four_eyes_still_holds(personas):
    p = personas
    case, removal = _submitted(p)
    actions.do_approve_plan(case, acting_user=p.lena)
    url = reverse("cases:action_second_approve", args=[case.pk, removal.pk])
    page = p.client_for(p.lars).get(url).content.decode()
    assert f'data-testid="facts-action-{removal.pk}"' in page and "Điều 16" in page
    assert "https://scam.example.net/post/1" in page
    # Only the action being approved is in focus.
    warn = case.actions.get(kind=ActionKind.PUBLISH_OFFICIAL_INFO)
    assert f'data-testid="facts-action-{warn.pk}"' not in page
    # The plan's approver is refused, with the facts still on screen.
    refused = p.client_for(p.lena).post(url, {"note": "me again"})
    assert refused.status_code == 400 and "different person" in refused.content.decode()
    assert 'data-testid="decision-facts"' in refused.content.decode()
    removal.refresh_from_db()
    assert removal.status == ActionStatus.AWAITING_SECOND_APPROVAL
    assert p.client_for(p.lars).post(url, {"note": "agreed"}).status_code == 302
    removal.refresh_from_db()
    assert removal.status == ActionStatus.READY and removal.second_approved_by_id == p.lars.pk


@pytest.mark.django_db
def test_the_appeal_page_shows_the_grounds_and_the_decision(personas):
    p = personas
    case, removal = _submitted(p)
    actions.do_approve_plan(case, acting_user=p.lena)
    appeal = actions.do_file_appeal(acting_user=p.bob, decision_type=DecisionType.APPRAISAL,
                                    target_id=case.current_appraisal().pk, grounds="It is satire, not a scam.")
    page = p.client_for(p.lars).get(reverse("cases:appeal_decide", args=[case.pk, appeal.pk])).content.decode()
    assert 'data-testid="appeal-grounds"' in page and "It is satire, not a scam." in page
    assert 'data-expression="unlawful"' in page and "Điều 16" in page
