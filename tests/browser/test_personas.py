"""Logging in as different personas: each sees the navigation their role allows."""

import pytest

pytestmark = pytest.mark.browser


def test_lead_coordinator_sees_triage_outsider_does_not(page, login, personas):
    login(page, "alice")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert nav.get_by_role("link", name="Tổng quan").get_attribute("aria-current") == "page"
    assert nav.get_by_role("link", name="Tiếp nhận").count() == 1
    assert nav.get_by_role("link", name="Vụ việc").count() == 1
    assert "Alice" in page.locator(".hd-user").inner_text()
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/accounts/login/**")

    login(page, "charlie")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert nav.get_by_role("link", name="Tổng quan").count() == 1
    assert nav.get_by_role("link", name="Tiếp nhận").count() == 0
    # Hiding the link is not the protection: the page itself refuses.
    assert page.goto("/cases/triage/").status in (403, 404)


def test_wrong_password_is_refused_with_a_message(page, personas):
    page.goto("/accounts/login/")
    page.fill("#id_username", "bob")
    page.fill("#id_password", "not-the-password")
    page.locator("form[novalidate] button[type=submit]").click()
    assert page.get_by_role("alert").inner_text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert page.locator("#id_password").get_attribute("aria-invalid") == "true"


def test_skip_link_is_first_and_moves_focus_to_main(page, login, personas):
    login(page, "bob")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "hd-skip" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_phone_width_collapses_the_menu(page, login, personas):
    page.set_viewport_size({"width": 390, "height": 800})
    login(page, "bob")
    toggler = page.get_by_role("button", name="Mở/đóng trình đơn")
    assert toggler.is_visible()
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert not nav.get_by_role("link", name="Vụ việc", exact=True).is_visible()
    toggler.click()
    nav.get_by_role("link", name="Vụ việc", exact=True).wait_for(state="visible")
    # Nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
