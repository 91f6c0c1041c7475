"""The queue and story pages; acknowledge / dismiss / report; outsiders refused everywhere."""

import pytest
from django.urls import reverse

from haidang.alerts.actions import do_dismiss_alert, process_items
from haidang.alerts.demo import seed_routing_rules
from haidang.alerts.models import Alert, Story
from haidang.audit.models import AuditEntry
from haidang.cases.models import Report

from .helpers import SCAM, item, source


@pytest.fixture
def alert(personas):
    seed_routing_rules()
    src = source(personas)
    a = item(src, SCAM, category="scam", priority="high", url="https://fb.example/posts/1")
    b = item(src, SCAM + " 😡", category="scam", priority="high")
    process_items([a.pk, b.pk])
    return Alert.objects.get()


def test_queue_and_story_pages(personas, alert):
    client = personas.client_for(personas.peter)
    page = client.get(reverse("alerts:queue"))
    assert page.status_code == 200 and "giả danh" in page.content.decode()
    story = client.get(reverse("alerts:story", args=[alert.story_id]))
    body = story.content.decode()
    assert story.status_code == 200
    assert "<svg" in body and "Report to the lead agency" in body
    assert "<script" not in body.split("</head>")[1]
    assert client.get(reverse("alerts:stories")).status_code == 200
    assert personas.client_for(personas.alice).get(reverse("dashboard")).status_code == 200


def test_user_content_is_escaped(personas):
    src = source(personas)
    evil = item(src, '<script>alert(1)</script> giả danh ngân hàng yêu cầu chuyển khoản gấp ngay bây giờ',
                category="scam", priority="high")
    process_items([evil.pk])
    story = Story.objects.get()
    body = personas.client_for(personas.peter).get(reverse("alerts:story", args=[story.pk])).content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


def test_acknowledge(personas, alert):
    r = personas.client_for(personas.peter).post(reverse("alerts:acknowledge", args=[alert.pk]))
    assert r.status_code == 302
    alert.refresh_from_db()
    assert alert.status == "acknowledged" and alert.handled_by == personas.peter
    assert AuditEntry.objects.filter(action="alert.acknowledge").exists()


def test_dismiss_needs_a_reason(personas, alert):
    client = personas.client_for(personas.peter)
    client.post(reverse("alerts:dismiss", args=[alert.pk]), {"reason": ""})
    alert.refresh_from_db()
    assert alert.status == "open"
    client.post(reverse("alerts:dismiss", args=[alert.pk]), {"reason": "Tin cũ, đã xử lý"})
    alert.refresh_from_db()
    assert alert.status == "dismissed" and alert.dismiss_reason == "Tin cũ, đã xử lý"


def test_report_to_the_lead_agency_creates_a_report(personas, alert):
    r = personas.client_for(personas.peter).post(reverse("alerts:report", args=[alert.pk]),
                                                 {"reason": "Nhiều người dân bị lừa"})
    assert r.status_code == 302
    alert.refresh_from_db()
    report = Report.objects.get(pk=alert.report_id)
    assert alert.status == "reported"
    assert report.reporting_agency == personas.police and report.subject_id == str(alert.pk)
    assert report.url == "https://fb.example/posts/1" and report.urgency == "high"
    # Reporting twice is refused.
    personas.client_for(personas.peter).post(reverse("alerts:report", args=[alert.pk]))
    assert Report.objects.count() == 1


def test_lead_agency_can_handle_a_high_alert(personas, alert):
    personas.client_for(personas.alice).post(reverse("alerts:acknowledge", args=[alert.pk]))
    alert.refresh_from_db()
    assert alert.status == "acknowledged"


def test_viewer_cannot_handle(personas, alert):
    r = personas.client_for(personas.vera).post(reverse("alerts:dismiss", args=[alert.pk]), {"reason": "x"})
    assert r.status_code == 403


def test_other_agency_cannot_handle(personas, alert):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        do_dismiss_alert(alert, reason="x", acting_user=personas.bob)


def test_outsider_is_refused_on_every_view(personas, alert):
    from django.contrib.auth import get_user_model
    from django.test import Client

    nobody = get_user_model().objects.create_user("nobody", password="x-password-123")
    outsiders = [personas.client_for(nobody), Client()]
    urls = [reverse("alerts:queue"), reverse("alerts:stories"), reverse("alerts:story", args=[alert.story_id])]
    for client in outsiders:
        for url in urls:
            assert client.get(url).status_code in (302, 404), url
        for name in ("acknowledge", "dismiss", "report"):
            r = client.post(reverse(f"alerts:{name}", args=[alert.pk]), {"reason": "x"})
            assert r.status_code in (302, 404), name
    # charlie (an officer of an uninvolved agency) sees stories, but not another agency's alert.
    charlie = personas.client_for(personas.charlie)
    for name in ("acknowledge", "dismiss", "report"):
        assert charlie.post(reverse(f"alerts:{name}", args=[alert.pk]), {"reason": "x"}).status_code == 404
    assert "giả danh" not in charlie.get(reverse("alerts:queue")).content.decode()
    alert.refresh_from_db()
    assert alert.status == "open" and not Report.objects.exists()
