"""The dashboard: the core panels show figures, the chart and top places; outsiders see none of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haidang.analysis.models import ItemSignals
from haidang.analysis.tasks import analyse_items
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.sources.actions import do_create_source

pytestmark = pytest.mark.usefixtures("english_and_fresh_cache")


@pytest.fixture
def items(personas):
    source = do_create_source(name="Demo web", kind="push", agency=personas.lead, platform="web",
                              acting_user=personas.alice)
    now = timezone.now()
    records = [{"id": f"x{i}", "title": f"Tin {i}", "text": "Lừa đảo chuyển khoản ở Phường Đồng Hới",
                "published_at": (now - dt.timedelta(days=i % 3)).isoformat()} for i in range(6)]
    ingest_records(source, records)
    # items_ingested fires on commit, which a test transaction never reaches: analyse by hand.
    analyse_items(list(Item.objects.values_list("id", flat=True)))
    return source


def test_it_shows_figures_chart_and_places(personas, items):
    assert ItemSignals.objects.count() == 6  
    ItemSignals.objects.update(top_category="scam", priority="high",
                               places=[{"name": "Phường Đồng Hới", "start": 0, "end": 3}])
    response = personas.client_for(personas.alice).get(reverse("dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    panel = response.context["panels"]
    figures = next(p["context"] for p in panel if p["template"] == "core/panels/figures.html")
    assert figures["today"] == 6 and figures["week"] == 6 and figures["serious_week"] == 6
    volume = next(p["context"] for p in panel if p["template"] == "core/panels/volume.html")
    assert volume["series"][0]["key"] == "scam" and sum(volume["series"][0]["values"]) == 6
    assert volume["series"][0]["values"][-1] == 2  # two published today
    assert "<svg" in html and "hd-line-chart" in html and "hd-bar-chart" in html
    assert "Phường Đồng Hới" in html


def test_it_counts_only_analysed_harm_in_the_chart(personas, items):
    ItemSignals.objects.update(top_category="other")
    response = personas.client_for(personas.alice).get(reverse("dashboard"))
    volume = next(p["context"] for p in response.context["panels"] if p["template"] == "core/panels/volume.html")
    assert volume["series"] == [] and volume["total"] == 0
    assert "No harmful items detected in this period." in response.content.decode()


def test_user_without_agency_gets_no_core_panels(personas, items, django_user_model):
    loner = django_user_model.objects.create_user("loner", password="x-very-long-password")
    response = personas.client_for(loner).get(reverse("dashboard"))
    assert response.status_code == 200
    assert not [p for p in response.context["panels"] if p["template"].startswith("core/")]


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_navbar_marks_the_current_page_and_hides_triage_from_outsiders(personas):
    html = personas.client_for(personas.alice).get(reverse("dashboard")).content.decode()
    assert 'aria-current="page" href="/"' in html or 'href="/" aria-current="page"' in html
    assert reverse("cases:triage") in html
    outsider = personas.client_for(personas.charlie).get(reverse("dashboard")).content.decode()
    assert reverse("cases:triage") not in outsider
    assert 'class="hd-skip" href="#main"' in html and '<main id="main"' in html


def test_pages_have_no_inline_scripts_or_styles(personas):
    html = personas.client_for(personas.alice).get(reverse("dashboard")).content.decode()
    assert "style=" not in html
    assert "<script>" not in html and "onclick" not in html
