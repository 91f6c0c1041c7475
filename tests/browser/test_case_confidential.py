"""A confidential case is invisible to an outsider: not in the list, not in search, 404 on a direct link;
a participating agency's officer sees it, marked confidential. Each persona in a session of their own."""

import pytest
from django.urls import reverse

from haidang.cases import actions as case_actions

pytestmark = pytest.mark.browser


def test_confidential_case_is_invisible_to_an_outsider(page, login, browser, live_server, personas):
    p = personas
    secret = case_actions.do_open_case(acting_user=p.alice, title="Lộ dữ liệu bệnh nhân Bệnh viện tỉnh",
                                       category="personal_data", priority="high", confidentiality="confidential",
                                       participants=[p.health])
    visible = case_actions.do_open_case(acting_user=p.alice, title="Tin giả về dịch bệnh", category="misinformation",
                                        priority="medium", participants=[p.other])
    detail = reverse("cases:detail", args=[secret.pk])

    # Charlie's agency takes part in another case only.
    login(page, "charlie")
    page.goto(reverse("cases:list"))
    codes = page.locator("[data-testid=case-row]").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert visible.code in codes and secret.code not in codes
    page.goto(reverse("cases:list") + "?q=" + "bệnh nhân")
    assert page.locator("[data-testid=case-row]").count() == 0
    assert secret.title not in page.content()
    page.goto(reverse("cases:list") + "?confidentiality=confidential")
    assert page.locator("[data-testid=case-row]").count() == 0
    assert page.goto(detail).status == 404
    assert page.goto(reverse("cases:export_case", args=[secret.pk])).status == 404

    # Bob's agency participates: he sees it, marked, in his own session.
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    try:
        bob = context.new_page()
        login(bob, "bob")
        assert bob.goto(detail).status == 200
        assert bob.locator("[data-testid=confidential-banner]").is_visible()
        bob.goto(reverse("cases:list") + "?confidentiality=confidential")
        assert bob.locator("[data-testid=case-row]").evaluate_all("rows => rows.map(r => r.dataset.code)") == [secret.code]
        # The audit tab is for lead-agency leaders only.
        bob.goto(detail + "?tab=audit")
        assert bob.locator("#tab-audit").count() == 0
    finally:
        context.close()
