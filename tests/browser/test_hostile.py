"""Collected content is hostile: it must never run in an officer's browser.

Items go in through the content app's ingest pipeline (which strips markup, but decodes entities,
so "&lt;script&gt;" arrives as the literal text "<script>"), and one item is written straight to the
table, as an import path or an admin edit that skipped the cleaning would, so that the rendering
layer is tested on its own.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from haidang.content.models import Item

from .helpers import ingest, source_for

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    "<svg onload=alert(1)><script>alert(2)</script></svg>",
    '<svg><a xlink:href="javascript:alert(3)"><text x="0" y="20">bấm</text></a></svg>',
    '"><iframe src="javascript:alert(4)"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(5)>",
]


def encoded(payload: str) -> str:
    return payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hostile_items(personas) -> list[Item]:
    source = source_for(personas, name="<script>alert('nguồn')</script>")
    records = []
    for i, payload in enumerate(PAYLOADS):
        records.append({"id": f"raw-{i}", "url": "javascript:alert(1)", "title": payload, "text": payload,
                        "author": payload, "html": payload, "platform": "facebook"})
        records.append({"id": f"enc-{i}", "title": encoded(payload) + " Quảng Bình",
                        "text": "Tin độc hại " + encoded(payload), "author": encoded(payload)})
    stats = ingest(source, records)
    assert stats.new >= len(PAYLOADS)
    raw = Item.objects.create(
        source=source, external_id="bypass", title=" ".join(PAYLOADS), text="\n".join(PAYLOADS),
        author_name=PAYLOADS[1], canonical_url="javascript:alert(6)", canonical_url_hash="x" * 64,
        content_hash="y" * 64, text_folded="quang binh bypass", fetched_at=timezone.now())
    items = list(Item.objects.filter(source=source))
    # The test only proves something if literal markup reached the database.
    assert any("<script>" in item.text for item in items)
    assert raw in items
    return items


INJECTED = {
    "img with onerror": "img[onerror]",
    "svg": "main svg:not(.hd-chart)",
    "iframe": "iframe",
    "javascript: link": "a[href^='javascript'], [href^='javascript']",
    "script with alert": "xpath=//script[contains(., 'alert')]",
    "inline handler": "[onload], [onclick], [onmouseover], [onfocus]",
    "math": "math",
    "style element in body": "body style",
}


def assert_clean(page, where: str) -> None:
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)  # let any onerror/onload that might fire have fired
    for name, selector in INJECTED.items():
        assert page.locator(selector).count() == 0, f"{name} injected on {where}"
    assert page.hd_log.dialogs == [], f"a dialog fired on {where}: {page.hd_log.dialogs}"
    assert page.hd_log.page_errors == []


def test_hostile_items_never_run(page, login, personas):
    items = hostile_items(personas)
    login(page, "bob")
    page.goto(reverse("content:feed"))
    assert_clean(page, "the feed")
    page.goto(reverse("content:feed") + "?q=quang+binh")
    assert_clean(page, "the searched feed")
    for item in items:
        page.goto(reverse("content:item", args=[item.pk]))
        assert_clean(page, f"item {item.external_id}")
    # The bypassing item's payload is shown to the officer as text, not dropped and not run.
    bypass = next(i for i in items if i.external_id == "bypass")
    page.goto(reverse("content:item", args=[bypass.pk]))
    assert "<script>alert(1)</script>" in page.locator("main").inner_text()
    page.goto(reverse("dashboard"))
    assert_clean(page, "the dashboard")


def test_the_detector_sees_an_injection(page):
    """The checks above can fail: on a page that does run the payload they notice it."""
    page.set_content("<main><img src=x onerror=alert(1)><svg onload=alert(2)></svg></main>")
    page.wait_for_timeout(200)
    assert page.locator(INJECTED["img with onerror"]).count() == 1
    assert page.locator(INJECTED["svg"]).count() == 1
    assert any("alert: 1" in d for d in page.hd_log.dialogs)
