"""Personal data found in items is masked on screen and in notifications; the agencies handling the item
may reveal it, and every reveal is audited (Decree 13/2023/NĐ-CP)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from haidang.audit.models import AuditEntry
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.content.tests.helpers import file_source
from haidang.text.privacy import mask_personal_data

TEXT = "Bóc phốt thằng Tâm, CCCD 044190001234, sđt 0912 345 678, nhà số nhà 12 ngõ 5 đường Lê Lợi"


@pytest.fixture
def item(personas):
    ingest_records(file_source(personas), [{"id": "doxx", "title": "Gọi 0987 654 321 mà hỏi", "text": TEXT}])
    return Item.objects.get(external_id="doxx")


def test_masking_keeps_the_length_and_hides_the_numbers():
    masked = mask_personal_data(TEXT)
    assert len(masked) == len(TEXT)
    for secret in ("044190001234", "0912 345 678", "12 ngõ"):
        assert secret not in masked
    assert "044*******34" in masked and "091* *** *78" in masked
    assert mask_personal_data("Giá 250.000đ ngày 12/10/2026") == "Giá 250.000đ ngày 12/10/2026"


def test_feed_and_item_page_show_personal_data_masked(personas, item):
    client = personas.client_for(personas.bob)  # an officer of another agency
    feed = client.get(reverse("content:feed")).content.decode()
    page = client.get(reverse("content:item", args=[item.pk])).content.decode()
    for body in (feed, page):
        assert "044190001234" not in body and "0912 345 678" not in body and "0987 654 321" not in body
    assert "044*******34" in page
    assert "reveal-personal-data" not in page  # bob's agency does not handle this item


def test_the_lead_agency_reveals_it_and_the_reveal_is_audited(personas, item):
    client = personas.client_for(personas.alice)
    page = client.get(reverse("content:item", args=[item.pk])).content.decode()
    assert 'id="reveal-personal-data"' in page and "044190001234" not in page
    shown = client.get(reverse("content:item", args=[item.pk]) + "?reveal=1").content.decode()
    assert "044190001234" in shown
    entry = AuditEntry.objects.get(action="personal_data.reveal")
    assert entry.actor == personas.alice and entry.object_id == str(item.pk)


def test_others_cannot_reveal(personas, item):
    for user in (personas.bob, personas.vera):  # another agency's officer; the lead agency's viewer
        response = personas.client_for(user).get(reverse("content:item", args=[item.pk]) + "?reveal=1")
        assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="personal_data.reveal").exists()
