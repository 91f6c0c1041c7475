"""Issue #15 in the browser: a meeting's conclusion carries a whole plan (three actions, three owners,
nothing pre-ticked), and the leaders approve with the facts on screen (legal basis, targets, appraisal)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from haidang.cases import actions as case_actions
from haidang.cases.choices import ActionStatus, CaseState, PlanStatus
from haidang.coordination import actions as coordination_actions

from .test_case_flow import restriction_provision, submit

pytestmark = pytest.mark.browser

TARGET = "https://lua-dao.example.net/so-y-te-gia/posts/9"


def _meeting_under_way(p):
    report = case_actions.do_create_report(acting_user=p.bob, url=TARGET, description="Trang giả mạo Sở Y tế",
                                           category="scam", urgency="high", reason="xin chuyển tiền")
    case = case_actions.do_accept_report(report, acting_user=p.alice, title="Trang giả mạo Sở Y tế",
                                         participants=[p.health])
    meeting = coordination_actions.do_create_meeting(
        case, acting_user=p.alice, title="Thống nhất xử lý", starts_at=timezone.now() - dt.timedelta(minutes=30),
        place="Phòng họp tầng 2", agencies=[p.health, p.police])
    return case, meeting


def test_a_meeting_concludes_a_whole_plan_and_the_leaders_decide_with_the_facts(open_session, personas):  # noqa: F811
    p = personas
    provision = restriction_provision()
    case, meeting = _meeting_under_way(p)
    deadline = (timezone.localdate() + dt.timedelta(days=3)).isoformat()

    alice = open_session("alice")
    alice.goto(f"/coordination/meetings/{meeting.pk}/")
    form = "form[action$='/conclude/']"
    assert not alice.locator(f"{form} input[name=submit_plan]").is_checked()  # nothing pre-ticked
    assert alice.locator(f"{form} [data-testid^=agreed-action-]").count() == 3
    alice.fill(f"{form} textarea[name=conclusion]", "Trang giả mạo: cảnh báo, gỡ bỏ, theo dõi.")
    alice.select_option(f"{form} select[name=verdict]", "false")
    alice.fill(f"{form} textarea[name=findings]", "Sở Y tế không có trang này.")
    alice.select_option(f"{form} select[name=expression_type]", "unlawful")
    alice.select_option(f"{form} select[name=severity]", "high")
    alice.locator(f"{form} [data-hd-legal-search]").fill("an ninh mang dieu 16")
    alice.check(f"{form} input[name=legal_basis][value='{provision.pk}']")
    rows = [("publish_official_info", p.health, {"description": "Đăng cảnh báo trên cổng Sở Y tế"}),
            ("request_removal", p.lead, {"target_url": TARGET, "reasons": "Mạo danh cơ quan nhà nước để lừa đảo."}),
            ("keep_monitoring", p.police, {"description": "Theo dõi đăng lại"})]
    for i, (kind, owner, fields) in enumerate(rows):
        alice.select_option(f"{form} select[name=actions-{i}-kind]", kind)
        alice.select_option(f"{form} select[name=actions-{i}-owner_agency]", str(owner.pk))
        alice.fill(f"{form} input[name=actions-{i}-deadline]", deadline)
        for name, value in fields.items():
            tag = "input" if name == "target_url" else "textarea"
            alice.fill(f"{form} {tag}[name=actions-{i}-{name}]", value)
    alice.check(f"{form} input[name=submit_plan]")
    submit(alice, form)
    case.refresh_from_db()
    plan = case.current_plan()
    assert case.state == CaseState.APPRAISED and plan.status == PlanStatus.SUBMITTED
    assert sorted(plan.actions.values_list("owner_agency__short_name", flat=True)) == ["CAT", "STTTT", "SYT"]

    # Submitted: the case page offers a revision, not "add an action" (which used to end in HTTP 400).
    alice.goto(f"/cases/{case.pk}/?tab=plan")
    assert alice.locator("[data-testid=plan-revise-tab]").is_visible()
    assert alice.locator("[data-testid=plan-add-tab]").count() == 0

    # Lena approves with the facts on screen: actions, owners, targets, legal basis, appraisal, minutes.
    lena = open_session("lena")
    lena.goto(f"/cases/{case.pk}/")
    lena.locator("[data-testid=approve-plan]").click()
    lena.wait_for_load_state("domcontentloaded")
    facts = lena.locator("[data-testid=decision-facts]")
    text = facts.inner_text()
    assert TARGET in text and "Điều 16" in text and "Mạo danh cơ quan nhà nước" in text
    assert "SYT" in text and "CAT" in text and "STTTT" in text
    assert lena.locator("[data-testid=facts-expression]").get_attribute("data-expression") == "unlawful"
    assert lena.locator(f"[data-testid=facts-minutes-{meeting.pk}]").is_visible()
    submit(lena)
    removal = case.actions.get(kind="request_removal")
    assert removal.status == ActionStatus.AWAITING_SECOND_APPROVAL

    # Four eyes: the plan's approver is not offered the second approval; Lars is, with the facts.
    lena.goto(f"/cases/{case.pk}/?tab=plan")
    assert lena.locator(f"[data-testid=second-approve-{removal.pk}]").count() == 0
    lars = open_session("lars")
    lars.goto(f"/cases/{case.pk}/?tab=plan")
    lars.locator(f"[data-testid=second-approve-{removal.pk}]").click()
    lars.wait_for_load_state("domcontentloaded")
    assert TARGET in lars.locator(f"[data-testid=facts-action-{removal.pk}]").inner_text()
    submit(lars)
    removal.refresh_from_db()
    assert removal.status == ActionStatus.READY and removal.second_approved_by_id == p.lars.pk
