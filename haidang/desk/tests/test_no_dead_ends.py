"""No dead ends: a viewer is shown no button it cannot use; what it is refused, and pages not found
or broken, are explained in Vietnamese inside the layout (never Django's bare English pages)."""

from __future__ import annotations

import pytest
from django.template import loader
from django.test import Client
from django.urls import reverse
from django.utils import translation

from haidang.agencies.actions import do_create_officer
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.sources.actions import do_create_source

WRITE_MARKERS = ('id="item-report"', 'id="item-verdict"', 'id="feed-batch-actions"', 'value="not_harmful"',
                 'value="report"', "data-alert-form=", 'id="verdict-submit"')


@pytest.fixture
def ward_viewer(personas):
    return do_create_officer(username="vinh", password="persona-password-123", agency=personas.ward, role="viewer",
                             full_name="Vinh", email="vinh@example.test")


@pytest.fixture
def item(personas):
    source = do_create_source(name="Trang tin thử", kind="push", agency=personas.lead, platform="web",
                              acting_user=personas.alice)
    ingest_records(source, [{"id": "1", "title": "Tin lừa đảo", "text": "Chuyển khoản để nhận quà ở Phường Đồng Hới"}])
    return Item.objects.get()


def _in_layout(html: str) -> bool:
    return 'class="hd-header"' in html and 'id="main"' in html and "<footer" in html


@pytest.mark.parametrize("who", ["vera", "ward_viewer"])
def test_a_viewer_sees_no_write_buttons(personas, item, ward_viewer, who):
    viewer = personas.vera if who == "vera" else ward_viewer
    client = personas.client_for(viewer)
    pages = [reverse("content:feed"), reverse("content:item", args=[item.pk]), reverse("alerts:queue")]
    for url in pages:
        html = client.get(url).content.decode()
        assert all(marker not in html for marker in WRITE_MARKERS), url
    head = client.get(reverse("dashboard")).content.decode().split('class="row g-3 hd-dashboard"')[0]
    assert reverse("cases:report_new") not in head
    # The same pages offer the buttons to a working officer.
    worker = personas.client_for(personas.bob)
    assert 'id="item-report"' in worker.get(reverse("content:item", args=[item.pk])).content.decode()
    assert reverse("cases:report_new") in worker.get(reverse("dashboard")).content.decode()


def test_what_a_viewer_is_refused_is_explained_in_vietnamese(personas, item, ward_viewer):
    client = personas.client_for(ward_viewer)
    response = client.post(reverse("content:verdict", args=[item.pk]), {"outcome": "not_harmful"})
    assert response.status_code == 403
    html = response.content.decode()
    assert _in_layout(html) and 'lang="vi"' in html
    assert "Bạn không thể thực hiện thao tác này" in html and "Forbidden" not in html
    assert "Về trang tổng quan" in html


def test_a_page_not_found_is_in_vietnamese_inside_the_layout(personas):
    response = personas.client_for(personas.bob).get(reverse("content:item", args=[987654]))
    assert response.status_code == 404
    html = response.content.decode()
    assert _in_layout(html) and "Trang này không tồn tại" in html and "Not Found" not in html


def test_an_expired_form_is_explained_in_vietnamese(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.bob)
    response = client.post(reverse("content:batch"), {"items": [1], "action": "report"})
    assert response.status_code == 403
    html = response.content.decode()
    assert _in_layout(html) and "Biểu mẫu đã hết hạn" in html and "CSRF verification failed" not in html


def test_the_server_error_page_is_in_vietnamese_and_needs_no_request():
    with translation.override("vi"):
        html = loader.get_template("500.html").render({})
    assert _in_layout(html) and "Hệ thống gặp lỗi" in html
