"""Every decision can be appealed or reversed, on record with its reason."""

import pytest
from django.core.exceptions import PermissionDenied

from haidang.audit.models import AuditEntry
from haidang.cases import actions
from haidang.cases.choices import ActionStatus, CaseState, DecisionType, PlanStatus, ReportStatus
from haidang.cases.errors import FourEyesRequired
from haidang.cases.models import Reversal

from .helpers import add_removal, appraised_case, report


@pytest.mark.django_db
def test_an_appeal_reverses_the_appraisal_and_the_reversal_is_on_record(personas):
    p = personas
    case = appraised_case(p)
    removal = add_removal(p, case)
    actions.do_approve_plan(case, acting_user=p.lena)
    appraisal = case.current_appraisal()

    appeal = actions.do_file_appeal(acting_user=p.bob, decision_type=DecisionType.APPRAISAL,
                                    target_id=appraisal.pk, grounds="It is criticism of the clinic, not a scam.")
    assert p.lars.notifications.filter(verb="cases.appeal_filed").exists()
    actions.do_decide_appeal(appeal, acting_user=p.lars, reverse_decision=True, reason="Criticism is protected.")

    appraisal.refresh_from_db()
    removal.refresh_from_db()
    case.refresh_from_db()
    assert appraisal.reversed_at is not None
    assert case.current_appraisal() is None
    assert removal.status == ActionStatus.CANCELLED
    assert removal.plan.status == PlanStatus.SUPERSEDED
    assert case.state == CaseState.VERIFYING
    reversal = Reversal.objects.get()
    assert reversal.appeal == appeal and reversal.reason == "Criticism is protected."
    assert case.events.filter(type="decision_reversed").exists()
    assert case.events.filter(type="appeal_decided").exists()
    assert AuditEntry.objects.filter(action="case.decision_reverse").exists()
    assert p.bob.notifications.filter(verb="cases.appeal_decided").exists()


@pytest.mark.django_db
def test_a_report_dismissal_can_be_appealed_back_into_triage(personas):
    p = personas
    r = report(p)
    actions.do_dismiss_report(r, reason="lawful_expression", acting_user=p.alice)
    appeal = actions.do_file_appeal(acting_user=p.bob, decision_type=DecisionType.REPORT_DISMISSAL,
                                    target_id=r.pk, grounds="It is a scam, not an opinion.")
    actions.do_decide_appeal(appeal, acting_user=p.lena, reverse_decision=True, reason="Scam indeed.")
    r.refresh_from_db()
    assert r.status == ReportStatus.PENDING
    assert Reversal.objects.filter(report=r).exists()


@pytest.mark.django_db
def test_an_appeal_can_be_upheld_and_nobody_decides_their_own(personas):
    p = personas
    case = appraised_case(p)
    appeal = actions.do_file_appeal(acting_user=p.lena, decision_type=DecisionType.VERIFICATION,
                                    target_id=case.current_verification().pk, grounds="weak sources")
    with pytest.raises(FourEyesRequired):
        actions.do_decide_appeal(appeal, acting_user=p.lena, reverse_decision=True, reason="x")
    with pytest.raises(PermissionDenied):
        actions.do_decide_appeal(appeal, acting_user=p.alice, reverse_decision=True, reason="x")
    actions.do_decide_appeal(appeal, acting_user=p.lars, reverse_decision=False, reason="sources suffice")
    case.refresh_from_db()
    assert case.state == CaseState.APPRAISED and not Reversal.objects.exists()


@pytest.mark.django_db
def test_a_done_removal_can_be_reversed_with_a_restore_note(personas, monkeypatch):
    p = personas
    case = appraised_case(p)
    removal = add_removal(p, case)
    actions.do_approve_plan(case, acting_user=p.lena)
    actions.do_second_approve_action(removal, acting_user=p.lars)
    actions.do_start_action(removal, acting_user=p.alice)
    actions.do_record_proof(removal, acting_user=p.alice, text="platform confirmed")
    actions.do_complete_action(removal, acting_user=p.alice, result="removed")
    actions.do_reverse_decision(acting_user=p.lena, decision_type=DecisionType.ACTION, target_id=removal.pk,
                                reason="The page was lawful after all")
    removal.refresh_from_db()
    assert removal.status == ActionStatus.REVERSED
    event = case.events.filter(type="action_status", parameters__new="reversed").get()
    assert "restore" in event.parameters["note"]


@pytest.mark.django_db
def test_outsider_cannot_appeal(personas):
    p = personas
    case = appraised_case(p)
    with pytest.raises(PermissionDenied):
        actions.do_file_appeal(acting_user=p.charlie, decision_type=DecisionType.APPRAISAL,
                               target_id=case.current_appraisal().pk, grounds="x")
