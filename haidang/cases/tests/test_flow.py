"""The full flow, end to end, from Python: report → triage → case → verification → appraisal → plan →
leader approval → four eyes on the removal → proof → closure."""

import pytest
from django.core import mail

from haidang.audit.models import AuditEntry
from haidang.cases import actions
from haidang.cases.choices import ActionKind, ActionStatus, CaseState, ReportStatus
from haidang.cases.errors import FourEyesRequired
from haidang.core.models import Notification

from .helpers import add_removal, appraised_case


@pytest.mark.django_db
def test_it_runs_from_report_to_closed_case(personas, monkeypatch, django_capture_on_commit_callbacks):
    p = personas
    with django_capture_on_commit_callbacks(execute=True):
        case = appraised_case(p)
    report = case.reports.get()
    assert report.status == ReportStatus.ACCEPTED
    assert case.code.startswith("VV-") and case.code.endswith("-0001")
    assert case.state == CaseState.APPRAISED
    # The reporter was told, in the inbox and (after commit) by e-mail.
    assert Notification.objects.filter(recipient=p.bob, verb="cases.report_triaged").exists()
    assert any("bob@example.test" in m.to for m in mail.outbox)

    removal = add_removal(p, case)
    answer = actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.PUBLISH_OFFICIAL_INFO,
                                        owner_agency=p.health, description="Warn citizens on the SYT portal")
    actions.do_submit_plan(case, acting_user=p.alice)
    assert Notification.objects.filter(recipient=p.lena, verb="cases.approval_needed").exists()
    actions.do_approve_plan(case, acting_user=p.lena)
    case.refresh_from_db()
    removal.refresh_from_db()
    assert case.state == CaseState.PLAN_APPROVED
    assert removal.status == ActionStatus.AWAITING_SECOND_APPROVAL

    # Blocked without a second approver; the plan's approver cannot be the second one.
    with pytest.raises(FourEyesRequired):
        actions.do_start_action(removal, acting_user=p.alice)
    with pytest.raises(FourEyesRequired):
        actions.do_second_approve_action(removal, acting_user=p.lena)
    assert Notification.objects.filter(recipient=p.lars, verb="cases.second_approval_needed").exists()
    actions.do_second_approve_action(removal, acting_user=p.lars)
    removal.refresh_from_db()
    assert removal.status == ActionStatus.READY and removal.second_approved_by == p.lars

    actions.do_start_action(removal, acting_user=p.alice)
    case.refresh_from_db()
    assert case.state == CaseState.HANDLING

    class Snapshot:
        pk = 77
        http_status = 404

    monkeypatch.setattr(actions, "_refetch", lambda url, user: Snapshot())
    proof = actions.do_record_proof(removal, acting_user=p.alice, refetch=True)
    assert proof.http_status == 404 and proof.snapshot_id == "77"
    actions.do_complete_action(removal, acting_user=p.alice, result="Platform removed the page")

    actions.do_start_action(answer, acting_user=p.bob)
    actions.do_record_proof(answer, acting_user=p.bob, url="https://soyte.quangtri.gov.vn/canh-bao")
    actions.do_complete_action(answer, acting_user=p.bob, result="Warning published")
    actions.do_close_case(case, acting_user=p.alice, outcome="Page removed, citizens warned")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED and case.closed_at is not None
    assert Notification.objects.filter(recipient=p.bob, verb="cases.outcome").exists()

    states = [e.parameters["new"] for e in case.events.filter(type="state_changed")]
    assert states == ["verifying", "appraised", "plan_approved", "handling", "closed"]
    audited = list(AuditEntry.objects.filter(action="case.transition", object_id=str(case.pk))
                   .values_list("changes", flat=True))
    assert [c["to"] for c in audited] == states


@pytest.mark.django_db
def test_case_codes_run_per_year(personas):
    from .helpers import accepted_case

    first, second = accepted_case(personas), accepted_case(personas)
    assert first.number + 1 == second.number
    assert second.code == f"VV-{second.year}-{second.number:04d}"
