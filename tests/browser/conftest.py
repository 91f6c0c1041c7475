"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live_server.

    .venv/bin/python -m pytest tests/browser            # all of them
    HAIDANG_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/browser/test_screenshots.py

Fixtures: `browser` (one Chromium per session), `page` (a fresh context per test, Vietnamese locale,
collecting console errors and dialogs), and `login(page, username)` that uses the real log-in form.
live_server runs on a transactional database, so data made in a test is visible to the server thread
(pytest-django shares the in-memory SQLite connection; on PostgreSQL it is a real test database).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field

import pytest

from haidang.agencies.testing import PASSWORD

CHROMIUM = os.environ.get("HAIDANG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse ORM calls
# made from the test body while a page is open. The ORM calls here are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    reason = None
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        reason = f"Chromium not found at {CHROMIUM} (install Debian's chromium package)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright Python package is not installed"
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What the page said while the test ran."""

    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return [m for m in self.console_errors if "Content Security Policy" in m or "Content-Security-Policy" in m]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800},
                                  base_url=live_server.url, timezone_id="Asia/Ho_Chi_Minh")
    # Only loopback: anything else the page tries to reach is refused, and recorded as an error.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url)
                  else route.abort())
    context.set_default_timeout(10_000)
    pg = context.new_page()
    log = PageLog()
    pg.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: log.page_errors.append(str(exc)))

    def on_dialog(dialog):
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.hd_log = log
    yield pg
    context.close()


@pytest.fixture
def login():
    def do_login(page, username: str, password: str = PASSWORD, *, next_url: str = "/"):
        page.goto(f"/accounts/login/?next={next_url}")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.locator("form[novalidate] button[type=submit]").click()
        page.wait_for_load_state("domcontentloaded")
        assert "/accounts/login/" not in page.url, f"log-in as {username} failed"
        return page

    return do_login


@pytest.fixture
def open_session(browser, live_server):
    """open_session("bob") → a logged-in page in a browser context of its own (own cookies)."""
    contexts, logs = [], []

    def open_as(username: str):
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900},
                                      base_url=live_server.url, timezone_id="Asia/Ho_Chi_Minh")
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(live_server.url)
                      else route.abort())
        context.set_default_timeout(10_000)
        page = context.new_page()
        log = PageLog()
        page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.locator("form[novalidate] button[type=submit]").click()
        page.wait_for_load_state("domcontentloaded")
        assert "/accounts/login/" not in page.url, f"log-in as {username} failed"
        contexts.append(context)
        logs.append(log)
        return page

    yield open_as
    for log in logs:
        assert log.csp_violations() == [] and log.page_errors == [], (log.console_errors, log.page_errors)
    for context in contexts:
        context.close()
