"""The claim library through the real UI: an officer records the claim from a case's verification, a leader
approves the plan whose "publish official information" action publishes it, and an anonymous visitor
opens the public correction page (no log-in, same CSP, no personal data)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from haidang.cases import actions as case_actions
from haidang.cases.choices import ActionKind, ExpressionType, Severity
from haidang.cases.models import LegalProvision
from haidang.cases.tests.helpers import verified_case
from haidang.claims.models import Claim

from .conftest import PageLog

pytestmark = pytest.mark.browser

STATEMENT = "Uống nước lá đu đủ chữa khỏi sốt xuất huyết"
CORRECTION = "Không có bằng chứng khoa học nào cho thấy nước lá đu đủ chữa khỏi sốt xuất huyết. Gọi 0983 123 789."


def _appraise(p, case):
    basis, _ = LegalProvision.objects.get_or_create(code="lanm-2018-d16", defaults={
        "instrument": "Luật An ninh mạng 2018", "article": "Điều 16", "title": "Thông tin sai sự thật",
        "grounds_restriction": True})
    case_actions.do_record_appraisal(case, acting_user=p.alice, severity=Severity.MEDIUM,
                                     expression_type=ExpressionType.UNLAWFUL, legal_basis=[basis],
                                     reasoning="thông tin sai sự thật về y tế")


def test_claim_from_case_published_on_approval(browser, live_server, personas, login, page):
    p = personas
    case = verified_case(p)

    # 1. Bob (health officer) records the claim from the case's verification tab.
    login(page, "bob", next_url=f"/cases/{case.pk}/?tab=verification")
    page.locator("[data-testid=claim-from-case]").click()
    page.wait_for_load_state("domcontentloaded")
    page.fill("#id_statement", STATEMENT)
    page.select_option("#id_verdict", "false")
    page.fill("#id_correction", CORRECTION)
    with page.expect_navigation():
        page.locator("[data-testid=claim-save]").click()
    claim = Claim.objects.get(case=case)
    assert claim.status == "draft" and re.search(rf"/claims/{claim.pk}/$", page.url)
    page.goto(f"/cases/{case.pk}/?tab=verification")
    assert STATEMENT in page.locator("[data-testid=case-claims]").inner_text()

    # 2. The plan publishes official information; Lena (leader) approves it on the case page.
    _appraise(p, case)
    case_actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.PUBLISH_OFFICIAL_INFO,
                                    owner_agency=p.health, deadline=timezone.localdate() + dt.timedelta(days=2),
                                    description="Đăng thông tin đính chính")
    case_actions.do_submit_plan(case, acting_user=p.alice)
    leader = browser.new_context(locale="vi-VN", base_url=live_server.url)
    lena = leader.new_page()
    login(lena, "lena", next_url=f"/cases/{case.pk}/")
    lena.locator("[data-testid=approve-plan]").first.click()
    lena.wait_for_load_state("domcontentloaded")
    with lena.expect_navigation():
        lena.locator("main form[method=post] button[type=submit]").first.click()
    claim.refresh_from_db()
    assert claim.status == "approved" and claim.approved_by == p.lena
    leader.close()

    # 3. Anyone, without logging in, finds the correction and opens it.
    visitor = browser.new_context(locale="vi-VN", base_url=live_server.url)
    visitor.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url)
                  else route.abort())
    public = visitor.new_page()
    log = PageLog()
    public.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    public.goto("/cong-khai/")
    public.fill("input[name=q]", "la du du")
    with public.expect_navigation():
        public.locator("form[role=search] button[type=submit]").click()
    public.locator("[data-testid=public-claim] a").first.click()
    public.wait_for_load_state("domcontentloaded")
    article = public.locator("[data-testid=public-correction]").inner_text()
    assert STATEMENT in article and "sai sự thật" in article and "Sở Y tế" in article
    assert "0983 123 789" not in public.content()
    assert log.csp_violations() == []
    # The rest stays behind the log-in.
    public.goto(f"/claims/{claim.pk}/")
    assert "/accounts/login/" in public.url
    visitor.close()
