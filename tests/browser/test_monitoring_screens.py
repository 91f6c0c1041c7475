"""Monitoring screens in a real browser: feed filters and search highlighting, a verdict from the item
page, and the watch-list live preview (an error at its position, then matches)."""

import pytest
from django.urls import reverse

from haidang.analysis.models import Verdict
from haidang.content.models import Item

from .helpers import ingest, source_for

pytestmark = pytest.mark.browser

RECORDS = [
    {"id": "qb", "title": "Mưa lớn ở Quảng Bình", "text": "Nước lên nhanh tại Lệ Thủy.", "platform": "facebook"},
    {"id": "scam", "title": "Nhận quà miễn phí", "text": "Chuyển khoản ngay, lừa đảo chiếm đoạt tiền ở Quảng Bình",
     "platform": "zalo"},
    {"id": "hue", "title": "Tin Huế", "text": "Thời tiết Thừa Thiên Huế hôm nay nắng nhẹ.", "platform": "news"},
]


def test_feed_filter_and_search_highlight(page, login, personas):
    ingest(source_for(personas), RECORDS)
    login(page, "bob")
    page.goto(reverse("content:feed"))
    assert page.locator("[data-item-id]").count() == 3
    page.locator("details.hd-filter-more summary").click()
    page.select_option("#id_platform", "zalo")
    page.locator("#feed-filters button[type=submit]").last.click()
    page.wait_for_url("**platform=zalo**")
    assert page.locator("[data-item-id]").count() == 1
    search = page.get_by_role("searchbox").first
    search.fill("quang binh")
    search.press("Enter")
    page.wait_for_url("**q=quang+binh**")
    # The filter is kept, and the accent-free query is highlighted in the accented text.
    assert page.locator("[data-item-id]").count() == 1
    marks = page.locator("#feed-results mark.hd-hit").all_inner_texts()
    assert "Quảng" in marks and "Bình" in marks
    page.click("#feed-clear")
    assert page.locator("[data-item-id]").count() == 3
    assert not page.hd_log.csp_violations() and not page.hd_log.page_errors


def test_verdict_from_the_item_page(page, login, personas):
    ingest(source_for(personas), RECORDS)
    item = Item.objects.get(external_id="scam")
    login(page, "bob")
    page.goto(reverse("content:item", args=[item.pk]))
    page.check("input[name=outcome][value=confirmed]")
    page.select_option("#id_category", "scam")
    page.click("#verdict-submit")
    page.wait_for_selector("[data-verdict=confirmed]")
    verdict = Verdict.objects.get(item=item)
    assert verdict.outcome == "confirmed" and verdict.category == "scam" and verdict.created_by == personas.bob
    assert not page.hd_log.csp_violations() and not page.hd_log.page_errors


def test_watchlist_preview_shows_the_error_then_matches(page, login, personas):
    ingest(source_for(personas), RECORDS)
    login(page, "alice")
    page.goto(reverse("analysis:watchlists"))
    query = page.locator("#id_query")
    query.click()
    query.type("(lua dao AND", delay=10)
    error = page.locator("#preview-error")
    error.wait_for()
    assert page.locator("[data-caret]").count() == 1
    position = int(error.get_attribute("data-hd-error-position"))
    assert 0 <= position <= len("(lua dao AND")
    query.type(" tien)", delay=10)
    page.wait_for_selector("#preview-summary[data-match-count='1']")
    assert "Nhận quà miễn phí" in page.locator("#preview-matches").inner_text()
    assert not page.hd_log.csp_violations() and not page.hd_log.page_errors
