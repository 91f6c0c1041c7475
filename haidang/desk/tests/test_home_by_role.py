"""Home screens by role: each person's dashboard opens with their first task; the press is told
about corrections requested of its own articles; notifications clear themselves when the task is done."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from haidang.agencies.actions import do_create_officer
from haidang.cases import actions as case_actions
from haidang.cases.choices import ActionKind
from haidang.cases.models import PressOutlet
from haidang.cases.tests.helpers import appraised_case, report
from haidang.core.models import Notification, NotificationPreference
from haidang.grievances.actions import do_create_grievance

ARTICLE = "https://baoquangtri.vn/thoi-su/bai-viet-sai-1.html"


def _panels(client) -> list[str]:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return [p["template"] for p in response.context["panels"]]


@pytest.fixture
def submitted_plan(personas):
    case = appraised_case(personas)
    case_actions.do_add_plan_action(case, acting_user=personas.alice, kind=ActionKind.KEEP_MONITORING,
                                    owner_agency=personas.health, description="Theo dõi trang giả mạo",
                                    deadline=timezone.localdate() + dt.timedelta(days=3))
    case_actions.do_submit_plan(case, acting_user=personas.alice)
    return case


def test_a_leader_sees_awaiting_your_approval_first(personas, submitted_plan):
    client = personas.client_for(personas.lena)
    assert _panels(client)[0] == "desk/panels/approvals.html"
    html = client.get(reverse("dashboard")).content.decode()
    assert "Chờ bạn phê duyệt" in html
    assert html.index('data-testid="panel-approvals"') < html.index("hd-figures-title")
    assert submitted_plan.code in html.split('data-testid="panel-approvals"')[1].split("</section>")[0]


def test_a_lead_coordinator_sees_triage_first(personas):
    pending = report(personas, description="Trang giả mạo Sở Y tế xin tiền")
    client = personas.client_for(personas.alice)
    assert _panels(client)[0] == "desk/panels/triage.html"
    html = client.get(reverse("dashboard")).content.decode()
    triage = html.split('data-testid="panel-triage"')[1].split("</section>")[0]
    assert "Trang giả mạo Sở Y tế xin tiền" in triage
    assert reverse("cases:report_detail", args=[pending.pk]) in triage


def test_a_ward_sees_its_grievances_first(personas):
    g = do_create_grievance(acting_user=personas.alice, title="Đường ngập nước ở Phường Đồng Hới",
                            agency=personas.ward)
    client = personas.client_for(personas.walter)
    panels = _panels(client)
    assert panels[0] == "grievances/panel.html"
    assert panels.index("desk/panels/owned_actions.html") < panels.index("core/panels/figures.html")
    assert g.code in client.get(reverse("dashboard")).content.decode()


def test_a_department_sees_the_actions_it_owns_before_the_figures(personas, submitted_plan):
    case_actions.do_approve_plan(submitted_plan, acting_user=personas.lena)
    client = personas.client_for(personas.bob)
    panels = _panels(client)
    assert panels[:2] == ["grievances/panel.html", "desk/panels/owned_actions.html"]
    html = client.get(reverse("dashboard")).content.decode()
    owned = html.split('data-testid="panel-owned-actions"')[1].split("</section>")[0]
    assert submitted_plan.code in owned and "Theo dõi trang giả mạo" in owned
    assert "desk/panels/approvals.html" not in panels and "desk/panels/triage.html" not in panels


@pytest.fixture
def press_officer(personas):
    PressOutlet.objects.create(name="Báo Quảng Trị", domain="baoquangtri.vn", agency=personas.press_agency)
    return do_create_officer(username="phuong", password="persona-password-123", agency=personas.press_agency,
                             role="officer", full_name="Phương", email="phuong@example.test", designated=True)


def test_the_press_is_told_of_a_correction_about_its_own_article_and_sees_it_first(personas, press_officer):
    case = appraised_case(personas)
    case_actions.do_add_plan_action(case, acting_user=personas.alice, kind=ActionKind.REQUEST_CORRECTION,
                                    owner_agency=personas.lead, target_url=ARTICLE,
                                    description="Số liệu ca bệnh trong bài sai, đề nghị đính chính",
                                    deadline=timezone.localdate() + dt.timedelta(days=2))
    case_actions.do_submit_plan(case, acting_user=personas.alice)
    assert not Notification.objects.filter(recipient=press_officer).exists(), "not before approval"
    case_actions.do_approve_plan(case, acting_user=personas.lena)

    told = Notification.objects.get(recipient=press_officer, verb="cases.correction_requested")
    assert ARTICLE in told.text and case.code in told.text
    client = personas.client_for(press_officer)
    assert _panels(client)[0] == "desk/panels/press_corrections.html"
    html = client.get(reverse("dashboard")).content.decode()
    assert ARTICLE in html and "Số liệu ca bệnh trong bài sai" in html
    # Told once, however often the action is touched.
    from haidang.desk.clearing import tell_press_of_correction
    assert tell_press_of_correction(case.actions.get()) == 0


def test_an_approval_notification_is_done_for_every_leader_when_one_approves(personas, submitted_plan):
    asked = Notification.objects.filter(verb="cases.approval_needed", target_id=str(submitted_plan.pk))
    assert {n.recipient for n in asked} == {personas.lena, personas.lars}
    assert all(n.done_at is None and n.read_at is None for n in asked)
    case_actions.do_approve_plan(submitted_plan, acting_user=personas.lena)
    assert all(n.done_at is not None and n.read_at is not None for n in asked.all())


def test_an_action_notification_is_done_when_the_action_is_carried_out(personas, submitted_plan):
    case_actions.do_approve_plan(submitted_plan, acting_user=personas.lena)
    assigned = Notification.objects.get(verb="cases.action_assigned", recipient=personas.bob)
    assert assigned.done_at is None
    action = submitted_plan.actions.get()
    case_actions.do_start_action(action, acting_user=personas.bob)
    assigned.refresh_from_db()
    assert assigned.done_at is None, "started is not done"
    case_actions.do_complete_action(action, acting_user=personas.bob, result="Đã theo dõi, không tái diễn")
    assigned.refresh_from_db()
    assert assigned.done_at is not None


def test_a_report_notification_is_done_once_triaged(personas):
    r = report(personas)
    received = Notification.objects.filter(verb="cases.report_received", target_id=str(r.pk))
    assert received.exists() and not received.exclude(done_at=None).exists()
    case_actions.do_accept_report(r, acting_user=personas.alice, title="Trang giả mạo", participants=[personas.health])
    assert not received.filter(done_at=None).exists()


def test_e_mail_can_be_switched_off_per_kind(personas, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=personas.lena, verb="cases.approval_needed", email=False)
    case = appraised_case(personas)
    case_actions.do_add_plan_action(case, acting_user=personas.alice, kind=ActionKind.NO_ACTION,
                                    owner_agency=personas.lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.do_submit_plan(case, acting_user=personas.alice)
    recipients = {address for message in mail.outbox for address in message.to}
    assert "lars@example.test" in recipients and "lena@example.test" not in recipients
    assert Notification.objects.filter(recipient=personas.lena, verb="cases.approval_needed").exists(), \
        "the inbox still gets it"


def test_the_daily_digest_lists_what_is_still_to_do_once_a_day(personas, submitted_plan,
                                                               django_capture_on_commit_callbacks):
    from haidang.agencies.models import OfficerProfile
    from haidang.core.notifications import TASKS_DIGEST_VERB, send_task_digests

    OfficerProfile.objects.filter(user__in=[personas.lena, personas.bob]).update(digest_enabled=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_task_digests() == 1  # lena has a plan to approve; bob has nothing yet
        assert send_task_digests() == 0  # once a day
    assert [m.to for m in mail.outbox] == [["lena@example.test"]]
    assert submitted_plan.code in mail.outbox[0].body
    assert Notification.objects.filter(recipient=personas.lena, verb=TASKS_DIGEST_VERB).count() == 1
