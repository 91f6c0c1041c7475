"""The item page gives its reasons as Vietnamese sentences quoting the post's own words, and shows
personal data masked until an officer of a handling agency reveals it."""

import pytest
from django.urls import reverse

from haidang.content.models import Item

from .helpers import ingest, source_for

pytestmark = pytest.mark.browser


def test_item_page_reasons_are_sentences_with_the_quoted_words(page, login, personas):
    ingest(source_for(personas), [{"id": "incite", "text": "Tối nay 8h anh em tập trung chặn Quốc lộ 1, mang gậy gộc, "
                                                           "đốt lốp xe. Ai biết thằng Tâm thì sđt nó 0912 345 678"}])
    item = Item.objects.get(external_id="incite")
    login(page, "alice")
    page.goto(reverse("content:item", args=[item.pk]))
    sentences = page.locator("[data-why-sentence]").all_inner_texts()
    incitement = [s for s in sentences if s.startswith("Kêu gọi tụ tập")]
    assert incitement, sentences
    assert "“tập trung”" in incitement[0] and "“gậy gộc”" in incitement[0]
    body = page.locator("main").inner_text()
    assert "incitement.call_to_violence" not in body and "grievance.complaint" not in body
    assert "0912 345 678" not in body and "091* *** *78" in body
    page.locator("#reveal-personal-data").click()
    page.wait_for_url("**reveal=1**")
    assert "0912 345 678" in page.locator("#item-text").inner_text()
