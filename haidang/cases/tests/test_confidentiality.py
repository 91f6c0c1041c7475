"""Confidential cases: only participating agencies, lead-agency leaders and the lead officer see them;
everyone else gets 404 in lists, search, direct links and exports. Every view is audited."""

import json

import pytest
from django.urls import reverse

from haidang.audit.models import AuditEntry
from haidang.cases.models import Case
from haidang.cases.queries import access_case_for_user

from .helpers import accepted_case


@pytest.fixture
def secret(personas):
    return accepted_case(personas, confidentiality="confidential", participants=[personas.health],
                         description="Leaked list of patients")


@pytest.mark.django_db
def test_who_sees_a_confidential_case(personas, secret):
    p = personas
    visible = set(Case.objects.restrict(u).filter(pk=secret.pk).exists() for u in (p.bob, p.hanh, p.lena, p.lars, p.alice))
    assert visible == {True}  # participants, lead leaders, the lead officer (alice opened it)
    for outsider in (p.charlie, p.peter, p.walter, p.vera):
        assert not Case.objects.restrict(outsider).filter(pk=secret.pk).exists(), outsider


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["charlie", "peter", "vera"])
def test_outsiders_and_non_participants_get_404_everywhere(personas, secret, who):
    p = personas
    client = p.client_for(getattr(p, who))
    assert client.get(reverse("cases:detail", args=[secret.pk])).status_code == 404
    assert client.get(reverse("cases:export_case", args=[secret.pk])).status_code == 404
    assert client.get(reverse("cases:verify", args=[secret.pk])).status_code == 404
    listing = client.get(reverse("cases:list")).content.decode()
    assert secret.code not in listing
    search = client.get(reverse("cases:list"), {"q": "Fake"}).content.decode()
    assert secret.code not in search and secret.title not in search
    exported = client.get(reverse("cases:export"), {"format": "json"}).json()
    assert secret.code not in [c["code"] for c in exported["cases"]]
    assert secret.code not in client.get(reverse("cases:export")).content.decode()
    with pytest.raises(Exception) as excinfo:
        access_case_for_user(getattr(p, who), secret.pk)
    assert excinfo.type.__name__ == "Http404"


@pytest.mark.django_db
def test_every_view_of_a_confidential_case_is_audited_and_exports_are_marked(personas, secret):
    p = personas
    client = p.client_for(p.bob)
    before = AuditEntry.objects.filter(action="view", object_id=str(secret.pk)).count()
    page = client.get(reverse("cases:detail", args=[secret.pk]))
    assert page.status_code == 200 and "CONFIDENTIAL" in page.content.decode()
    assert AuditEntry.objects.filter(action="view", object_id=str(secret.pk), actor=p.bob).count() == before + 1
    data = json.loads(client.get(reverse("cases:export_case", args=[secret.pk])).content)
    assert data["confidentiality"] == "confidential" and "CONFIDENTIAL" in data["confidential_marking"]
    rows = client.get(reverse("cases:export"), {"format": "json"}).json()["cases"]
    assert [r["confidential_marking"] for r in rows if r["code"] == secret.code][0]
    assert "CONFIDENTIAL" in client.get(reverse("cases:export")).content.decode()
    assert AuditEntry.objects.filter(action="export", object_id=str(secret.pk), actor=p.bob).count() == 3


@pytest.mark.django_db
def test_confidential_titles_stay_out_of_notifications(personas, secret):
    texts = " ".join(personas.bob.notifications.values_list("text", flat=True))
    assert secret.code in texts and secret.title not in texts


@pytest.mark.django_db
def test_internal_cases_hide_from_reporting_agencies_normal_ones_do_not(personas):
    p = personas
    internal = accepted_case(p, confidentiality="internal", by=p.walter, participants=[p.health])
    normal = accepted_case(p, by=p.walter, participants=[p.health])
    assert not Case.objects.restrict(p.walter).filter(pk=internal.pk).exists()
    assert Case.objects.restrict(p.walter).filter(pk=normal.pk).exists()
    assert Case.objects.restrict(p.vera).filter(pk=internal.pk).exists()  # the lead agency sees internal
    assert not Case.objects.restrict(p.charlie).filter(pk__in=[internal.pk, normal.pk]).exists()
    # The reporter still learns the outcome of their report, by code only.
    page = p.client_for(p.walter).get(reverse("cases:report_detail", args=[internal.reports.get().pk]))
    assert internal.code in page.content.decode()
    assert reverse("cases:detail", args=[internal.pk]) not in page.content.decode()


@pytest.mark.django_db
def test_lowering_confidentiality_is_a_leaders_decision(personas, secret):
    from django.core.exceptions import PermissionDenied

    from haidang.cases import actions

    with pytest.raises(PermissionDenied):
        actions.do_update_case(secret, acting_user=personas.alice, confidentiality="normal")
    actions.do_update_case(secret, acting_user=personas.lena, confidentiality="normal")
    assert Case.objects.restrict(personas.vera).filter(pk=secret.pk).exists()
