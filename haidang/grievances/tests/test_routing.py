"""A detected grievance reaches the agency that must answer it, whatever its priority."""

import pytest
from django.db import transaction

from haidang.alerts.models import Alert
from haidang.grievances.choices import RoutedBy
from haidang.grievances.models import Grievance, GrievanceRoute
from haidang.grievances.routing import route

from .helpers import HOSPITAL, LAND, OTHER, ROAD, WARD_CODE, detect, grievance_of, phong_nha, seed, source


@pytest.mark.django_db
def test_a_low_priority_complaint_naming_phuong_dong_hoi_is_in_that_wards_queue(
        personas, django_capture_on_commit_callbacks):
    p = personas
    seed(p)
    post = detect(django_capture_on_commit_callbacks, source(p), ROAD, priority="low",
                  place=(WARD_CODE, "Phường Đồng Hới"))
    g = grievance_of(post)
    assert g.agency == p.ward and g.routed_by == RoutedBy.PLACE
    assert not Alert.objects.exists()  # below the alert threshold: only the grievance queue has it
    page = p.client_for(p.walter).get("/grievances/")
    assert page.status_code == 200
    assert g.code in page.content.decode()
    assert list(page.context["grievances"]) == [g]


@pytest.mark.django_db
def test_a_commune_named_only_in_the_text_is_found_by_its_name(personas, django_capture_on_commit_callbacks):
    p = personas
    commune = phong_nha(p)
    post = detect(django_capture_on_commit_callbacks, source(p),
                  "Phản ánh: nhà văn hóa thôn ở xã phong nha bị hư hỏng, dột nát đã lâu không ai giải quyết, "
                  "bà con không có chỗ sinh hoạt")
    assert grievance_of(post).agency == commune


@pytest.mark.django_db
def test_a_hospital_complaint_with_no_place_reaches_so_y_te(personas, django_capture_on_commit_callbacks):
    p = personas
    seed(p)
    g = grievance_of(detect(django_capture_on_commit_callbacks, source(p), HOSPITAL))
    assert g.agency == p.health
    assert g.routed_by == RoutedBy.SUBJECT and "Sở Y tế" in g.route_name
    assert p.client_for(p.bob).get(f"/grievances/{g.pk}/").status_code == 200


@pytest.mark.django_db
def test_roads_and_land_go_to_the_departments_in_charge(personas, django_capture_on_commit_callbacks):
    p = personas
    made = seed(p)
    road = ROAD.replace("Phường Đồng Hới", "thôn Tân Sơn")  # no ward of ours named
    assert grievance_of(detect(django_capture_on_commit_callbacks, source(p), road)).agency == made["SXD"]
    assert grievance_of(detect(django_capture_on_commit_callbacks, source(p, "b"), LAND)).agency == made["SNNMT"]


@pytest.mark.django_db
def test_when_nothing_matches_the_lead_agency_assigns_it_by_hand(personas, django_capture_on_commit_callbacks):
    p = personas
    seed(p)
    g = grievance_of(detect(django_capture_on_commit_callbacks, source(p), OTHER))
    assert g.agency == p.lead and g.routed_by == RoutedBy.DEFAULT
    assert g.code in p.client_for(p.alice).get("/grievances/").content.decode()


@pytest.mark.django_db
def test_keywords_ignore_diacritics_and_match_whole_words(personas):
    p = personas
    seed(p)
    assert route("BENH VIEN TINH cho doi ca ngay").agency == p.health
    # "trường" folds to "truong", like "trưởng": the seed uses "trường học", so a chief is no school.
    assert route("Trưởng thôn không trả lời kiến nghị của bà con").agency == p.lead


@pytest.mark.django_db
def test_an_admin_rule_can_come_before_the_named_place(personas):
    p = personas
    seed(p)
    text = "Bệnh viện ở Phường Đồng Hới bắt bệnh nhân chờ đợi"
    assert route(text, [WARD_CODE]).agency == p.ward
    GrievanceRoute.objects.filter(agency=p.health).update(before_place=True)
    assert route(text, [WARD_CODE]).agency == p.health


@pytest.mark.django_db
def test_harmful_posts_are_not_grievances(personas, django_capture_on_commit_callbacks):
    p = personas
    detect(django_capture_on_commit_callbacks, source(p), ROAD, category="scam", place=(WARD_CODE, "Phường Đồng Hới"))
    assert not Grievance.objects.exists()


@pytest.mark.django_db(transaction=False)
def test_ingest_and_the_analyser_bring_a_real_complaint_to_the_ward(personas, django_capture_on_commit_callbacks):
    """The whole way: ingest → analysis → stories → `stories_assigned` → the grievances task."""
    from haidang.content.ingest import ingest_records

    p = personas
    seed(p)
    records = [{"id": "road-1", "url": "https://fb.example/posts/road-1",
                "text": "Người dân Phường Đồng Hới phản ánh con đường ở tổ dân phố 5 bị sụt lún, xuống cấp "
                        "nghiêm trọng, rất nguy hiểm, mong chính quyền sớm sửa chữa."}]
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            ingest_records(source(p), records)
    g = Grievance.objects.get()
    assert g.agency == p.ward and g.voice_count == 1


@pytest.mark.django_db
def test_the_routing_table_is_edited_in_the_admin_and_audited(personas, admin_client):
    from haidang.audit.models import AuditEntry

    p = personas
    assert admin_client.get("/admin/grievances/grievanceroute/").status_code == 200
    response = admin_client.post("/admin/grievances/grievanceroute/add/", {
        "name": "Chợ → Phường Đồng Hới", "order": 5, "keywords": "chợ đêm, ban quản lý chợ", "agency": p.ward.pk,
        "active": "on"})
    assert response.status_code == 302
    rule = GrievanceRoute.objects.get()
    assert AuditEntry.objects.filter(action="admin.add", object_id=str(rule.pk)).exists()
    assert route("Ban quan ly cho dem thu phi vo ly").agency == p.ward
