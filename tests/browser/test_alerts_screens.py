"""The alert queue in a real browser: an officer of the agency the alerts are routed to (the police)
acknowledges one alert with a click and reports another to the lead agency using the keyboard only,
then opens the story page. Selectors are data attributes and ids: the UI speaks Vietnamese."""

import pytest
from django.urls import reverse

from haidang.alerts import lsh
from haidang.alerts.actions import process_items
from haidang.alerts.demo import seed_routing_rules
from haidang.alerts.models import Alert
from haidang.alerts.tests.helpers import SCAM, item, repost, source
from haidang.cases.models import Report

pytestmark = pytest.mark.browser

OTHER_SCAM = ("Cảnh báo lừa đảo mới: đối tượng mạo danh công an gọi điện thông báo liên quan vụ án ma túy "
              "và yêu cầu nạn nhân chuyển toàn bộ tiền tiết kiệm vào tài khoản tạm giữ")


@pytest.fixture
def police_alerts(personas, settings):
    """Two high scam stories, each with its alert in the police queue."""
    settings.HAIDANG_WEBHOOK_URL = ""
    lsh.reset_index(None)  # a fresh near-duplicate index: earlier tests' stories are gone from the database
    seed_routing_rules()
    src = source(personas)
    items = [item(src, SCAM, category="scam", priority="high", places=[("18880", "Phường Đồng Hới")]),
             item(src, repost(SCAM), category="scam", priority="high"),
             item(src, OTHER_SCAM, category="scam", priority="high"),
             item(src, repost(OTHER_SCAM), category="scam", priority="high")]
    process_items([i.pk for i in items])
    alerts = list(Alert.objects.filter(agency=personas.police).order_by("id"))
    assert len(alerts) == 2, alerts
    yield alerts
    lsh.reset_index(None)


def test_officer_acknowledges_one_alert_and_reports_another(page, login, personas, police_alerts):
    first, second = police_alerts
    login(page, "peter")
    page.goto(reverse("alerts:queue"))
    assert page.locator("[data-alert-id]").count() == 2
    assert page.locator(f"#alert-{first.pk} [data-reason=priority]").count() == 1

    # Acknowledge the first: one POST form, back to the same queue.
    page.locator(f"#alert-{first.pk} [data-alert-action=acknowledge]").click()
    page.wait_for_selector(f"#alert-{first.pk}[data-alert-status=acknowledged]")
    assert page.locator(".hd-messages .alert-success").count() == 1
    assert page.locator(f"#alert-{first.pk} [data-alert-action=acknowledge]").count() == 0

    # Report the second with the keyboard only: open the disclosure, type the reason, submit.
    summary = page.locator(f"#alert-{second.pk} [data-alert-action=report]")
    summary.focus()
    page.keyboard.press("Enter")
    reason = page.locator(f"#report-reason-{second.pk}")
    reason.wait_for(state="visible")
    reason.focus()
    page.keyboard.type("Nhiều người dân bị lừa chuyển khoản")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-alert-submit')")
    assert focused == "report"
    page.keyboard.press("Enter")
    page.wait_for_selector(".hd-messages .alert-success")
    # It has left the "to handle" tab; the "reported" tab shows it with its report.
    assert page.locator(f"#alert-{second.pk}").count() == 0
    page.locator("[data-status-tab=reported]").click()
    page.wait_for_selector(f"#alert-{second.pk} [data-alert-outcome=reported]")

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "acknowledged" and first.handled_by == personas.peter
    assert second.status == "reported"
    report = Report.objects.get(pk=second.report_id)
    assert report.reporting_agency == personas.police

    # The story page of the acknowledged alert: spread chart, items, the alert with its remaining actions.
    page.goto(reverse("alerts:story", args=[first.story_id]))
    assert page.locator("#story-spread svg.hd-line-chart").count() == 1
    assert page.locator("#story-items [data-item-id]").count() == 2
    assert page.locator(f"#story-alert #alert-{first.pk} [data-alert-action=dismiss]").count() == 1
    # Dismissing needs a reason: the empty form is not sent.
    page.locator(f"#alert-{first.pk} [data-alert-action=dismiss]").click()
    page.locator(f"#alert-{first.pk} [data-alert-submit=dismiss]").click()
    first.refresh_from_db()
    assert first.status == "acknowledged"
    assert page.evaluate(f"document.getElementById('dismiss-reason-{first.pk}').validity.valueMissing")

    assert not page.hd_log.csp_violations(), page.hd_log.console_errors
    assert not page.hd_log.page_errors and not page.hd_log.dialogs
