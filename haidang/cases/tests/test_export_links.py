"""The case list and page lead to the spreadsheets and documents with Vietnamese headers (#14, #15)."""

import pytest
from django.urls import reverse

from .helpers import appraised_case


@pytest.mark.django_db
def test_the_case_list_offers_the_vietnamese_spreadsheets_and_the_case_page_its_documents(personas):
    p = personas
    case = appraised_case(p, participants=[p.health])
    client = p.client_for(p.alice)
    listing = client.get(reverse("cases:list")).content.decode()
    xlsx = reverse("reports:export", args=["cases", "xlsx"])
    assert xlsx in listing and reverse("reports:export", args=["cases", "csv"]) in listing
    response = client.get(xlsx)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    documents = reverse("reports:case_documents", args=[case.pk])
    assert documents in page and client.get(documents).status_code == 200


@pytest.mark.django_db
def test_the_alert_queue_and_the_grievance_queue_offer_their_spreadsheets(personas):
    client = personas.client_for(personas.bob)
    for page, dataset in (("alerts:queue", "alerts"), ("grievances:list", "grievances")):
        url = reverse("reports:export", args=[dataset, "xlsx"])
        assert url in client.get(reverse(page)).content.decode(), page
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_the_feed_exports_its_search(personas):
    client = personas.client_for(personas.bob)
    page = client.get(reverse("content:feed"), {"q": "đường sụt lún"}).content.decode()
    assert reverse("reports:export", args=["feed", "xlsx"]) + "?q=%C4%91%C6%B0%E1%BB%9Dng%20s%E1%BB%A5t%20l%C3%BAn" in page
