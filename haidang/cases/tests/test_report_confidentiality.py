"""Issue #18 item 10: the report behind a confidential case follows the case's confidentiality, and
reads of it are audited."""

import pytest
from django.urls import reverse

from haidang.agencies.actions import do_create_officer
from haidang.audit.models import AuditEntry
from haidang.cases.models import Report

from .helpers import accepted_case


@pytest.fixture
def secret(personas):
    case = accepted_case(personas, confidentiality="confidential", participants=[personas.health],
                         description="Leaked list of patients", reason="personal data of patients")
    return case, case.reports.get()


@pytest.fixture
def cuong(personas):
    # A coordinator of the lead agency who is not the case's lead officer: no need to know.
    return do_create_officer(username="cuong", password="persona-password-123", agency=personas.lead,
                             role="coordinator")


@pytest.mark.django_db
def test_lead_members_without_need_to_know_get_404_on_the_report(personas, secret, cuong):
    p = personas
    case, report = secret
    for user in (p.vera, cuong):
        client = p.client_for(user)
        assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
        response = client.get(reverse("cases:report_detail", args=[report.pk]))
        assert response.status_code == 404, user
        assert not Report.objects.restrict(user).filter(pk=report.pk).exists()


@pytest.mark.django_db
def test_the_reporter_and_those_who_see_the_case_read_it_and_each_read_is_audited(personas, secret):
    p = personas
    case, report = secret
    for user in (p.bob, p.lena, p.alice):
        before = AuditEntry.objects.filter(action="view", object_type="cases.report", actor=user).count()
        page = p.client_for(user).get(reverse("cases:report_detail", args=[report.pk]))
        assert page.status_code == 200 and "Leaked list of patients" in page.content.decode()
        assert AuditEntry.objects.filter(action="view", object_type="cases.report", object_id=str(report.pk),
                                         actor=user).count() == before + 1


@pytest.mark.django_db
def test_reports_of_normal_cases_and_pending_reports_stay_with_the_lead_agency(personas, cuong):
    p = personas
    case = accepted_case(p)
    pending = Report.objects.create(reporting_agency=p.health, reported_by=p.bob, description="pending")
    for report in (case.reports.get(), pending):
        assert p.client_for(cuong).get(reverse("cases:report_detail", args=[report.pk])).status_code == 200
    assert not AuditEntry.objects.filter(action="view", object_type="cases.report").exists()


@pytest.mark.django_db
def test_a_reporter_outside_the_case_still_learns_the_outcome_by_code(personas):
    p = personas
    case = accepted_case(p, confidentiality="confidential", participants=[p.health], by=p.walter)
    report = case.reports.get()
    page = p.client_for(p.walter).get(reverse("cases:report_detail", args=[report.pk])).content.decode()
    assert case.code in page and reverse("cases:detail", args=[case.pk]) not in page
    assert AuditEntry.objects.filter(action="view", object_type="cases.report", actor=p.walter).count() == 1
