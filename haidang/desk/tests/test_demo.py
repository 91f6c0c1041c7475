import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from haidang.agencies.models import Agency, Membership
from haidang.audit.models import AuditEntry


@pytest.mark.django_db
def test_demo_is_idempotent():
    call_command("demo")
    counts = (Agency.objects.count(), get_user_model().objects.count(), Membership.objects.count())
    audit_count = AuditEntry.objects.count()
    assert counts[0] >= 10
    call_command("demo")
    assert (Agency.objects.count(), get_user_model().objects.count(), Membership.objects.count()) == counts
    assert AuditEntry.objects.count() == audit_count


@pytest.mark.django_db
def test_demo_province_has_the_lead_agency_and_every_role():
    call_command("demo")
    lead = Agency.objects.get(short_name="STTTT")
    assert lead.name == "Sở Thông tin và Truyền thông"
    assert set(Membership.objects.filter(agency=lead).values_list("role", flat=True)) == {
        "coordinator", "officer", "leader", "viewer"}
    ward = Agency.objects.get(short_name="P-DONGHOI")
    assert ward.place_name == "Phường Đồng Hới" and ward.place_code
    assert Agency.objects.filter(kind="press").exists()
    assert Agency.objects.filter(kind="police").exists()
