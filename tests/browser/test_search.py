"""The feed's search ignores accents: typing `quang binh` finds `Quảng Bình`."""

import pytest
from django.urls import reverse

from .helpers import ingest, source_for

pytestmark = pytest.mark.browser


def test_quang_binh_finds_quang_binh_with_accents(page, login, personas):
    ingest(source_for(personas), [
        {"id": "qb", "title": "Mưa lớn ở Quảng Bình", "text": "Nước lên nhanh tại Lệ Thủy, tỉnh Quảng Bình cũ."},
        {"id": "hue", "title": "Tin Huế", "text": "Thời tiết Thừa Thiên Huế hôm nay nắng nhẹ."},
        {"id": "qt", "title": "Tin Quảng Trị", "text": "Đông Hà tổ chức hội chợ."},
    ])
    login(page, "bob")
    page.goto(reverse("content:feed"))
    search = page.get_by_role("searchbox").first
    search.fill("quang binh")
    search.press("Enter")
    page.wait_for_url("**q=quang+binh**")
    results = page.locator("main").inner_text()
    assert "Mưa lớn ở Quảng Bình" in results
    assert "Tin Huế" not in results and "Tin Quảng Trị" not in results
