"""A grievance raised by hand (a citizen's letter, a phone call) uses the same queue."""

import pytest
from django.core.exceptions import PermissionDenied

from haidang.grievances import actions
from haidang.grievances.choices import Origin, RoutedBy
from haidang.grievances.models import Grievance

from .helpers import phong_nha, seed, ward_viewer


@pytest.mark.django_db
def test_a_letter_is_routed_like_a_detected_grievance_and_joins_the_queue(personas):
    p = personas
    commune = phong_nha(p)
    g = actions.do_create_grievance(
        acting_user=p.alice, origin=Origin.LETTER, reference="TD-15",
        title="Đơn phản ánh nhà văn hóa thôn xuống cấp", text="Bà con Xã Phong Nha phản ánh nhà văn hóa dột nát.")
    assert g.agency == commune and g.routed_by == RoutedBy.PLACE and g.voice_count == 1
    assert g.code.startswith("PA-") and g.events.filter(type="created").exists()
    from django.contrib.auth import get_user_model

    clerk = get_user_model().objects.get(username="phuong")
    assert list(p.client_for(clerk).get("/grievances/").context["grievances"]) == [g]


@pytest.mark.django_db
def test_a_phone_call_recorded_for_a_chosen_agency(personas):
    p = personas
    seed(p)
    g = actions.do_create_grievance(acting_user=p.walter, origin=Origin.PHONE, title="Gọi điện: đèn đường hỏng",
                                    agency=p.ward)
    assert g.agency == p.ward and g.routed_by == RoutedBy.HAND and g.created_by == p.walter


@pytest.mark.django_db
def test_the_form_records_a_letter(personas):
    p = personas
    client = p.client_for(p.walter)
    assert client.get("/grievances/new/").status_code == 200
    response = client.post("/grievances/new/", {"title": "Đơn của bà Lan", "text": "Cống thoát nước bị tắc.",
                                                "origin": "letter", "priority": "medium", "agency": p.ward.pk})
    assert response.status_code == 302
    g = Grievance.objects.get()
    assert g.origin == Origin.LETTER and g.agency == p.ward
    assert g.code in client.get("/grievances/").content.decode()


@pytest.mark.django_db
def test_a_viewer_cannot_raise_one(personas):
    p = personas
    viewer = ward_viewer(p)
    with pytest.raises(PermissionDenied):
        actions.do_create_grievance(acting_user=viewer, title="x", agency=p.ward)
    assert p.client_for(viewer).post("/grievances/new/", {"title": "x", "origin": "letter",
                                                          "priority": "low"}).status_code == 403
    assert not Grievance.objects.exists()
