"""Pages render under the Content-Security-Policy: no violations, no failed resources, no JS errors."""

import pytest
from django.urls import reverse

from haidang.cases import actions as case_actions

from .helpers import demo_records, ingest, source_for

pytestmark = pytest.mark.browser


def test_main_pages_raise_no_csp_errors(page, login, personas):
    source = source_for(personas)
    ingest(source, demo_records(12))
    case = case_actions.do_open_case(acting_user=personas.alice, title="Trang giả mạo Sở Y tế",
                                     category="impersonation", priority="high", participants=[personas.health])
    login(page, "alice")
    urls = [reverse("dashboard"), reverse("content:feed"), reverse("content:feed") + "?q=lua+dao",
            reverse("cases:detail", args=[case.pk]), reverse("cases:list")]
    from haidang.content.models import Item

    urls.append(reverse("content:item", args=[Item.objects.first().pk]))
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers.get("content-security-policy", "")
        page.wait_for_load_state("load")
    log = page.hd_log
    assert log.csp_violations() == []
    assert log.console_errors == [] and log.page_errors == []
    # The styles and scripts really loaded (a missing vendor folder would leave the page unstyled).
    assert page.evaluate("typeof window.htmx") == "object"
    assert page.evaluate("getComputedStyle(document.querySelector('.hd-navbar')).display") == "flex"
