"""The language switch: Vietnamese first, English on request, and back."""

import pytest

pytestmark = pytest.mark.browser


def test_switch_vi_to_en_and_back(page, login, personas):
    login(page, "alice")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").first.inner_text() == "Tổng quan"
    page.get_by_role("button", name="EN – English").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "Dashboard"
    assert page.get_by_role("button", name="Log out").is_visible()
    # The choice sticks across pages.
    page.goto("/content/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="VI – Tiếng Việt").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "/content/" in page.url  # back on the same page


def test_login_page_has_the_switch_too(page, personas):
    page.goto("/accounts/login/")
    assert page.get_by_role("heading", name="Đăng nhập Hải Đăng").is_visible()
    page.get_by_role("button", name="EN – English").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.get_by_role("heading", name="Log in to Hải Đăng").is_visible()
