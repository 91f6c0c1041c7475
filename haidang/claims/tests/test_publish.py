"""The case's "publish official information" action, once a leader approves the plan, publishes the
claims drawn from the case; the case's verification tab lists the claims it touches."""

import datetime as dt

import pytest
from django.utils import timezone

from haidang.cases import actions as case_actions
from haidang.cases.choices import ActionKind
from haidang.cases.tests.helpers import appraised_case, verified_case
from haidang.claims import actions
from haidang.claims.models import Claim

from .helpers import PAPAYA, PAPAYA_CORRECTION

pytestmark = pytest.mark.django_db


def _claim_from(p, case):
    verification = case.current_verification()
    return actions.do_create_claim(acting_user=p.bob, agency=p.health, verification=verification,
                                   statement=PAPAYA, correction=PAPAYA_CORRECTION)


def _plan_publication(p, case):
    case_actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.PUBLISH_OFFICIAL_INFO,
                                    owner_agency=p.health, deadline=timezone.localdate() + dt.timedelta(days=2),
                                    description="Đăng thông tin đính chính")
    case_actions.do_submit_plan(case, acting_user=p.alice)


def test_approved_publication_publishes_the_cases_claims(personas, client, django_capture_on_commit_callbacks):
    p = personas
    case = appraised_case(p)
    claim = _claim_from(p, case)
    assert claim.case == case and claim.status == "draft"
    _plan_publication(p, case)
    assert client.get(f"/cong-khai/dinh-chinh/{claim.claim_id}/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.do_approve_plan(case, acting_user=p.lena)
    claim.refresh_from_db()
    assert claim.status == "approved" and claim.approved_by == p.lena
    page = client.get(f"/cong-khai/dinh-chinh/{claim.claim_id}/")
    assert page.status_code == 200 and PAPAYA in page.content.decode()


def test_a_plan_without_publication_publishes_nothing(personas, django_capture_on_commit_callbacks):
    p = personas
    case = appraised_case(p)
    claim = _claim_from(p, case)
    case_actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.KEEP_MONITORING, owner_agency=p.lead)
    case_actions.do_submit_plan(case, acting_user=p.alice)
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.do_approve_plan(case, acting_user=p.lena)
    claim.refresh_from_db()
    assert claim.status == "draft"


def test_a_confidential_cases_claim_stays_internal(personas, client, django_capture_on_commit_callbacks):
    p = personas
    case = appraised_case(p, confidentiality="confidential")
    claim = _claim_from(p, case)
    _plan_publication(p, case)
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.do_approve_plan(case, acting_user=p.lena)
    claim.refresh_from_db()
    assert claim.status == "approved" and not claim.is_public
    assert client.get(f"/cong-khai/dinh-chinh/{claim.claim_id}/").status_code == 404
    assert claim.statement not in client.get("/cong-khai/dinh-chinh.atom").content.decode()


def test_claim_from_a_case_form_and_verification_tab(personas):
    p = personas
    case = verified_case(p)
    web = p.client_for(p.bob)
    form = web.get(f"/claims/new/?case={case.pk}")
    assert form.status_code == 200 and "The page is not ours." in form.content.decode()  # the findings
    response = web.post("/claims/new/", {"case": case.pk, "statement": PAPAYA, "verdict": "false",
                                         "correction": PAPAYA_CORRECTION, "sources": "Sở Y tế"})
    assert response.status_code == 302
    claim = Claim.objects.get(case=case)
    assert claim.verification == case.current_verification() and claim.agency == p.health
    tab = web.get(f"/cases/{case.pk}/?tab=verification").content.decode()
    assert 'data-testid="case-claims"' in tab and PAPAYA in tab


def test_outsider_cannot_draw_a_claim_from_a_case(personas):
    p = personas
    case = verified_case(p, confidentiality="confidential")
    assert p.client_for(p.charlie).get(f"/claims/new/?case={case.pk}").status_code == 404
