"""A grievance through the real UI, each persona in their own browser session: a ward officer logs in
and sees the ward's grievance first on the home screen, takes it and writes the answer; the ward's
leader approves it; the lead agency's figures change. Selectors are ids and data-testid: the UI
speaks Vietnamese."""

from __future__ import annotations

import pytest

from haidang.agencies.actions import do_create_officer
from haidang.agencies.testing import PASSWORD
from haidang.alerts import lsh
from haidang.alerts.actions import process_items
from haidang.alerts.tests.helpers import item, source
from haidang.grievances.choices import GrievanceState
from haidang.grievances.models import Grievance

pytestmark = pytest.mark.browser

ROAD = ("Người dân Phường Đồng Hới phản ánh tuyến đường ở tổ dân phố 5 bị sụt lún, xuống cấp nghiêm trọng, "
        "xe máy qua lại rất nguy hiểm, mong chính quyền sớm sửa chữa trước mùa mưa")
ANSWER_URL = "https://donghoi.quangtri.gov.vn/tra-loi-phan-anh/duong-to-dan-pho-5"


@pytest.fixture
def ward_grievance(personas, settings):
    """A low-priority road complaint naming the ward, detected through the pipeline; and the ward's leader."""
    settings.HAIDANG_WEBHOOK_URL = ""
    lsh.reset_index(None)
    do_create_officer(username="wanda", password=PASSWORD, agency=personas.ward, role="leader",
                      full_name="Wanda", email="wanda@example.test")
    post = item(source(personas), ROAD, url="https://fb.example/posts/road-5", category="grievance",
                priority="low", places=[("18880", "Phường Đồng Hới")])
    process_items([post.pk])  # live_server tests commit: the grievances task runs on commit
    grievance = Grievance.objects.get(posts__item=post)
    assert grievance.agency == personas.ward
    yield grievance
    lsh.reset_index(None)


def _figure(page, agency: str, name: str) -> str:
    return page.locator(f"[data-testid=figures-row][data-agency='{agency}'] [data-figure={name}]").inner_text()


def submit(page, selector: str):
    with page.expect_navigation():
        page.locator(selector).click()


def test_ward_answers_the_leader_approves_and_the_lead_agencys_figures_change(open_session, ward_grievance):
    g = ward_grievance

    lead = open_session("alice")
    assert _figure(lead, "P-DONGHOI", "open") == "1"
    assert _figure(lead, "P-DONGHOI", "answered_on_time") == "0"

    # The ward officer's home: the grievances come first, with this one in them.
    officer = open_session("walter")
    first_panel = officer.locator(".hd-dashboard > *").first
    assert first_panel.locator("[data-testid=panel-grievances]").count() == 1
    submit(officer, f".hd-dashboard [data-testid=panel-grievance][data-code='{g.code}'] a")
    assert f"/grievances/{g.pk}/" in officer.url
    assert officer.locator("[data-testid=grievance-state]").get_attribute("data-state") == "new"
    assert officer.locator("[data-testid=voice-count]").inner_text().startswith("1")

    submit(officer, "[data-testid=take]")
    officer.fill("#answer-text", "UBND phường đã kiểm tra, san lấp và sửa chữa đoạn đường bị sụt lún.")
    officer.fill("#answer-published_url", ANSWER_URL)
    submit(officer, "[data-testid=answer-submit]")
    assert officer.locator("[data-testid=grievance-state]").get_attribute("data-state") == "answer_submitted"
    assert officer.locator("[data-testid=approve]").count() == 0  # the writer does not approve

    leader = open_session("wanda")
    leader.goto(f"/grievances/{g.pk}/")
    submit(leader, "[data-testid=approve]")
    assert leader.locator("[data-testid=grievance-state]").get_attribute("data-state") == "answered"
    assert leader.locator("[data-testid=published-url]").get_attribute("href") == ANSWER_URL

    g.refresh_from_db()
    assert g.state == GrievanceState.ANSWERED and g.published_url == ANSWER_URL
    lead.reload()
    assert _figure(lead, "P-DONGHOI", "answered_on_time") == "1"
    assert _figure(lead, "P-DONGHOI", "open") == "0"
