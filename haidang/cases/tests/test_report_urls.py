"""Issue #18 item 21: an item whose URL has quotes (and the spaces of a quoted search) can be reported:
the form pre-fills a URL that passes, and unsafe characters are percent-encoded, not refused."""

import html
import re

import pytest
from django.urls import reverse

from haidang.cases.forms import ReportForm
from haidang.cases.models import Report

QUOTED = 'https://forum.example/search?q="lừa đảo" quảng trị&page=2'
ENCODED = "https://forum.example/search?q=%22lừa%20đảo%22%20quảng%20trị&page=2"


@pytest.mark.django_db
def test_an_item_with_quotes_in_its_url_can_be_reported_from_its_page(personas):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    p = personas
    source = Source.objects.create(name="Forum", agency=p.lead, url="https://forum.example/rss")
    item = Item.objects.create(source=source, url=QUOTED, canonical_url_hash="hq", content_hash="cq", title="Scam")
    client = p.client_for(p.bob)
    page = client.get(reverse("cases:report_new"), {"item": item.pk}).content.decode()
    tag = re.search(r'<input[^>]*name="url"[^>]*>', page).group(0)
    value = html.unescape(re.search(r'value="([^"]*)"', tag).group(1))
    response = client.post(reverse("cases:report_new") + f"?item={item.pk}",
                           {"url": value, "description": "Scam", "category": "scam", "urgency": "high"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Report.objects.get().url == ENCODED


@pytest.mark.parametrize("raw, stored", [
    (QUOTED, ENCODED),
    ("https://forum.example/it's-here", "https://forum.example/it's-here"),
    ('https://forum.example/a"b', "https://forum.example/a%22b"),
    ("https://forum.example/a%22b", "https://forum.example/a%22b"),  # already encoded: kept
    ("https://vi.wikipedia.org/wiki/Đà_Nẵng#Lịch sử", "https://vi.wikipedia.org/wiki/Đà_Nẵng#Lịch%20sử"),
])
def test_unsafe_characters_are_encoded(raw, stored):
    form = ReportForm({"url": raw, "category": "scam", "urgency": "high"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["url"] == stored


def test_urls_that_are_not_urls_are_still_refused():
    for raw in ("javascript:alert(1)", "not a url", "https://"):
        assert not ReportForm({"url": raw, "category": "scam", "urgency": "high"}).is_valid(), raw
