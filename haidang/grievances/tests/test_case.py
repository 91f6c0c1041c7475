"""A grievance that needs more becomes a case in one step, with its posts and history."""

import pytest

from haidang.cases.choices import CaseState, EvidenceKind, ReportStatus
from haidang.cases.errors import CaseError
from haidang.cases.models import Case, Report
from haidang.grievances import actions
from haidang.grievances.choices import GrievanceState

from .helpers import ROAD, WARD_CODE, detect, grievance_of, source


@pytest.mark.django_db
def test_the_lead_agency_opens_the_case_at_once_with_posts_and_history(personas, django_capture_on_commit_callbacks):
    p = personas
    post = detect(django_capture_on_commit_callbacks, source(p), ROAD, place=(WARD_CODE, "Phường Đồng Hới"),
                  url="https://fb.example/posts/road")
    g = grievance_of(post)
    actions.do_take_grievance(g, acting_user=p.walter)
    case = actions.do_open_case(g, acting_user=p.alice, reason="Sụt lún lan rộng, cần nhiều cơ quan phối hợp")
    assert isinstance(case, Case) and case.state == CaseState.NEW and case.category == "grievance"
    g.refresh_from_db()
    assert g.state == GrievanceState.ESCALATED_TO_CASE and g.case == case and g.report.case == case
    assert case.evidence.filter(kind=EvidenceKind.ITEM, ref_id=str(post.pk), url=post.url).exists()
    history = case.events.filter(type="note").get().parameters["text"]
    assert g.code in history and "taken" in history.lower()
    assert p.ward.pk in case.participant_agency_ids()
    assert p.client_for(p.walter).get(f"/cases/{case.pk}/").status_code == 200


@pytest.mark.django_db
def test_the_ward_sends_it_on_as_a_report_for_triage(personas, django_capture_on_commit_callbacks):
    from haidang.cases import actions as case_actions

    p = personas
    g = grievance_of(detect(django_capture_on_commit_callbacks, source(p), ROAD, place=(WARD_CODE, "Phường Đồng Hới")))
    response = p.client_for(p.walter).post(f"/grievances/{g.pk}/case/", {"reason": "cần kiểm tra công trình"})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/reports/{report.pk}/"
    assert report.status == ReportStatus.PENDING and report.reporting_agency == p.ward
    assert report.subject_id == str(g.story_id) and g.code in report.reason
    g.refresh_from_db()
    assert g.state == GrievanceState.ESCALATED_TO_CASE and g.report == report and g.linked_case is None
    case = case_actions.do_accept_report(report, acting_user=p.alice)
    g.refresh_from_db()
    assert g.linked_case == case
    assert case.code in p.client_for(p.walter).get(f"/grievances/{g.pk}/").content.decode()


@pytest.mark.django_db
def test_a_report_the_lead_agency_dismisses_comes_back_to_be_answered(personas, django_capture_on_commit_callbacks):
    from haidang.cases import actions as case_actions

    p = personas
    g = grievance_of(detect(django_capture_on_commit_callbacks, source(p), ROAD, place=(WARD_CODE, "Phường Đồng Hới")))
    report = actions.do_open_case(g, acting_user=p.walter, reason="cần kiểm tra")
    with pytest.raises(CaseError):
        actions.do_resume_grievance(g, acting_user=p.walter)  # still awaiting triage
    case_actions.do_dismiss_report(report, reason="answered_grievance", acting_user=p.alice)
    assert p.client_for(p.walter).post(f"/grievances/{g.pk}/resume/").status_code == 302
    g.refresh_from_db()
    assert g.state == GrievanceState.NEW and g.due_at > g.received_at
    assert g.events.filter(type="resumed").exists()
