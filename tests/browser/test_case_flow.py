"""A full case through the real UI, in both coordination modes, each persona in their own browser session:

report (bob, health) → triage accept (alice) → meeting with conclusions (mode a) → written consultation
(mode b) answered by two agencies (bob for health, peter for police) → conclusion with a removal in the
plan → plan approved by a leader (lena) → removal approved by a second leader (lars) → proof by re-fetch
→ result → closed. Selectors are ids, names and data-testid: the interface speaks Vietnamese.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from haidang.cases.choices import ActionStatus, CaseState, PlanStatus
from haidang.cases.models import Case, LegalProvision, Report
from haidang.coordination.models import Consultation, Meeting

pytestmark = pytest.mark.browser


def submit(page, form: str = "main form[method=post]"):
    """Click the form's submit button and wait for the page that answers."""
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def confirm_step(page, link_selector: str, fill: dict | None = None, check: tuple = ()):
    """On the case page: follow a step's link, fill its form, confirm; back on the case page."""
    page.locator(link_selector).first.click()
    page.wait_for_load_state("domcontentloaded")
    for selector, value in (fill or {}).items():
        page.fill(selector, value)
    for selector in check:
        page.check(selector)
    submit(page)
    assert re.search(r"/cases/\d+/", page.url), page.url


def restriction_provision() -> LegalProvision:
    # Seeded by a data migration; a transactional test database may have been flushed before this test.
    provision, _ = LegalProvision.objects.get_or_create(code="lanm-2018-d16", defaults={
        "instrument": "Luật An ninh mạng 2018", "article": "Điều 16",
        "title": "Xử lý thông tin trên không gian mạng có nội dung tuyên truyền chống Nhà nước, xúc phạm, vu khống…",
        "grounds_restriction": True})
    return provision


def test_full_case_in_both_modes_through_the_ui(open_session, personas, monkeypatch):
    p = personas
    provision = restriction_provision()
    target = "https://lua-dao.example.net/so-y-te-gia/posts/9"

    # 1. Bob (health officer) reports a fake page to the lead agency.
    bob = open_session("bob")
    bob.goto("/cases/reports/new/")
    bob.fill("#id_url", target)
    bob.fill("#id_description", "Trang giả mạo Sở Y tế thu phí tiêm chủng")
    bob.fill("#id_reason", "Lừa đảo người dân chuyển tiền.")
    bob.select_option("#id_category", "scam")
    bob.select_option("#id_urgency", "high")
    submit(bob)
    report = Report.objects.get()

    # 2. Alice (lead coordinator) accepts it from the triage queue, with health and police taking part.
    alice = open_session("alice")
    alice.goto("/cases/triage/")
    card = alice.locator(f"[data-testid=triage-{report.pk}]")
    card.locator("input[name=title]").fill("Trang giả mạo Sở Y tế thu phí tiêm chủng")
    card.locator("select[name=priority]").select_option("high")
    for agency in (p.health, p.police):
        card.locator(f"input[name=participants][value='{agency.pk}']").check()
    with alice.expect_navigation():
        card.locator(f"[data-testid=accept-submit-{report.pk}]").click()
    case = Case.objects.get()
    assert alice.url.endswith(f"/cases/{case.pk}/")
    assert alice.locator("[data-testid=next-step]").is_visible()
    assert alice.locator("[data-testid=case-state]").get_attribute("data-state") == CaseState.NEW

    # 3. Mode (a): a meeting, convened from the Meetings tab (a Bootstrap tab, no page load), concluded.
    alice.click("#tab-meetings")
    alice.locator("#pane-meetings").wait_for(state="visible")
    assert "tab=meetings" in alice.url  # the tab is remembered in the address
    alice.click("[data-testid=convene-meeting]")
    alice.wait_for_load_state("domcontentloaded")
    starts = timezone.localtime() - dt.timedelta(minutes=30)  # it has begun: conclusions can be recorded
    alice.fill("#id_starts_at", starts.strftime("%Y-%m-%dT%H:%M"))
    alice.fill("#id_place", "Phòng họp tầng 2, Sở TT&TT")
    submit(alice)
    meeting = Meeting.objects.get()
    assert alice.url.endswith(f"/coordination/meetings/{meeting.pk}/")
    ics = alice.request.get(alice.locator("[data-testid=meeting-ics]").get_attribute("href"))
    assert ics.ok and b"BEGIN:VCALENDAR" in ics.body()
    conclude = "form[action$='/conclude/']"
    alice.fill(f"{conclude} textarea[name=conclusion]", "Trang là giả mạo; cần lấy ý kiến bằng văn bản về xử lý.")
    alice.select_option(f"{conclude} select[name=verdict]", "false")
    alice.fill(f"{conclude} textarea[name=findings]", "Sở Y tế không có trang này; tài khoản ngân hàng lạ.")
    submit(alice, conclude)
    meeting.refresh_from_db()
    assert meeting.status == "concluded" and case.verifications.count() == 1

    # 4. Mode (b): a written consultation to health and police.
    alice.goto(f"/cases/{case.pk}/?tab=consultations")  # server-side tab, works without JS
    assert alice.locator("#pane-consultations").is_visible()
    alice.click("[data-testid=ask-opinions]")
    alice.wait_for_load_state("domcontentloaded")
    alice.fill("#id_question_appraisal", "Đây có phải nội dung vi phạm pháp luật?")
    alice.fill("#id_question_handling", "Đề nghị nền tảng gỡ bỏ trang giả mạo.")
    submit(alice)
    consultation = Consultation.objects.get()
    url = f"/coordination/consultations/{consultation.pk}/"

    # Two agencies answer, each in its own session; bob revises his answer.
    for page, position, text in ((bob, "agree", "Đồng ý gỡ bỏ."), (open_session("peter"), "other",
                                                                    "Đồng ý, đề nghị chuyển thông tin lừa đảo cho Công an.")):
        page.goto(url)
        assert page.locator("[data-testid=answer-deadline]").is_visible()
        page.check(f"[data-testid=answer-form] input[name=position][value={position}]")
        page.fill("[data-testid=answer-form] textarea[name=text]", text)
        submit(page, "[data-testid=answer-form]")
        assert page.locator("[data-testid=current-answer]").is_visible()
    bob.fill("[data-testid=answer-form] textarea[name=text]", "Đồng ý gỡ bỏ; Sở Y tế sẽ đăng cải chính.")
    submit(bob, "[data-testid=answer-form]")
    assert bob.locator("[data-testid=answer-history] li").count() == 2
    assert consultation.answers.count() == 2

    # The lead agency closes it: appraisal (legal basis from the searchable picker) and a removal in the plan.
    alice.goto(url)
    close = f"form[action$='/consultations/{consultation.pk}/close/']"
    alice.fill(f"{close} textarea[name=conclusion]", "Các cơ quan thống nhất: nội dung lừa đảo, đề nghị gỡ bỏ.")
    alice.select_option(f"{close} select[name=expression_type]", "unlawful")
    alice.select_option(f"{close} select[name=severity]", "high")
    search = alice.locator(f"{close} [data-hd-legal-search]")
    search.fill("an ninh mang dieu 16")  # accent-insensitive
    option = alice.locator(f"{close} input[name=legal_basis][value='{provision.pk}']")
    assert option.is_visible()
    option.check()
    alice.select_option(f"{close} select[name=actions-0-kind]", "request_removal")
    alice.select_option(f"{close} select[name=actions-0-owner_agency]", str(p.lead.pk))
    alice.fill(f"{close} input[name=actions-0-deadline]", (timezone.localdate() + dt.timedelta(days=3)).isoformat())
    alice.fill(f"{close} input[name=actions-0-target_url]", target)
    alice.fill(f"{close} textarea[name=actions-0-reasons]", "Mạo danh cơ quan nhà nước để chiếm đoạt tài sản.")
    alice.check(f"{close} input[name=submit_plan]")  # nothing is pre-ticked
    submit(alice, close)
    case.refresh_from_db()
    plan = case.current_plan()
    assert case.state == CaseState.APPRAISED and plan.status == PlanStatus.SUBMITTED
    action = plan.actions.get()

    # 5. Lena (leader) approves the plan: the case page tells her so.
    lena = open_session("lena")
    lena.goto(f"/cases/{case.pk}/")
    assert "Lena" in lena.locator("[data-testid=next-who]").inner_text()
    confirm_step(lena, "[data-testid=approve-plan]")
    action.refresh_from_db()
    assert action.status == ActionStatus.AWAITING_SECOND_APPROVAL

    # Blocked without the second approver: nobody can start it, and the page names who may approve.
    alice.goto(f"/cases/{case.pk}/?tab=actions")
    assert alice.locator(f"[data-testid=action-start-{action.pk}]").count() == 0
    alice.goto(f"/cases/{case.pk}/?tab=plan")
    approvers = alice.locator(f"[data-testid=second-approvers-{action.pk}]").inner_text()
    assert "Lars" in approvers and "Lena" not in approvers
    lena.goto(f"/cases/{case.pk}/?tab=plan")
    assert lena.locator(f"[data-testid=second-approve-{action.pk}]").count() == 0  # the plan's approver cannot

    # 6. Lars, a second leader, gives the second approval.
    lars = open_session("lars")
    lars.goto(f"/cases/{case.pk}/")
    confirm_step(lars, f"[data-testid=second-approve-next-{action.pk}]")
    action.refresh_from_db()
    assert action.status == ActionStatus.READY and action.second_approved_by_id == p.lars.pk

    # 7. Alice carries it out: start, proof by re-fetching the URL (gone: 410), result, close.
    class Snapshot:
        pk = 7
        status_code = 410

    monkeypatch.setattr("haidang.cases.actions._refetch", lambda url, user: Snapshot())
    alice.goto(f"/cases/{case.pk}/?tab=actions")
    confirm_step(alice, f"[data-testid=action-start-{action.pk}]")
    alice.goto(f"/cases/{case.pk}/?tab=actions")
    confirm_step(alice, f"[data-testid=action-proof-{action.pk}]", check=("#id_refetch",))
    alice.goto(f"/cases/{case.pk}/?tab=actions")
    assert "410 – đã gỡ" in alice.locator(f"[data-testid=action-{action.pk}]").inner_text()
    confirm_step(alice, f"[data-testid=action-complete-{action.pk}]", fill={"#id_result": "Nền tảng đã gỡ (HTTP 410)."})
    confirm_step(alice, "[data-testid=close-case]", fill={"#id_outcome": "Đã gỡ trang giả mạo; đã cải chính."})
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert alice.locator("[data-testid=case-state]").get_attribute("data-state") == CaseState.CLOSED
    assert case.coordination_modes == ["meeting", "written"]
    # The timeline tells the story, newest first.
    assert alice.locator("[data-testid=timeline] li").count() >= 10
